/// A transform that starts from a measurement of its input alone: where an image's object lies and its
/// luma, a clip's active speech level.
///
/// A run makes every candidate of a source from that same source, so measuring it for each draw repeats
/// the same work: a pipeline that knows its input is a source measures it once (``analyse(_:)``) and
/// passes the result to each draw and application. Given the analysis of the input, the parameters and
/// the output are those of the plain ``Transform`` requirements, which analyse the input themselves.
public protocol InputAnalysingTransform<Input>: Transform {
  /// What the transform needs to know of an input, whatever is drawn.
  associatedtype Analysis: Sendable

  func analyse(_ input: Input) -> Analysis

  /// ``Transform/sampleParameters(for:using:)`` for an input already analysed.
  func sampleParameters(for input: Input, analysis: Analysis, using rng: inout some RandomNumberGenerator) throws
    -> Parameters

  /// ``Transform/apply(_:to:)`` for an input already analysed.
  func apply(_ parameters: Parameters, to input: consuming Input, analysis: Analysis) throws -> Input
}

extension InputAnalysingTransform {
  public func sampleParameters(for input: Input, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    try sampleParameters(for: input, analysis: analyse(input), using: &rng)
  }

  /// Draws parameters for `input`, of which `analysis` is the analysis, applies them, and returns the
  /// output with the record of what was done, as ``Transform/callAsFunction(_:using:)`` does.
  public func callAsFunction(
    _ input: Input, analysis: Analysis, using rng: inout some RandomNumberGenerator
  ) throws -> (output: Input, record: AppliedTransform) {
    let parameters = try sampleParameters(for: input, analysis: analysis, using: &rng)
    let output = try apply(parameters, to: input, analysis: analysis)
    return (output, try AppliedTransform(name: Self.name, parameters: parameters))
  }
}
