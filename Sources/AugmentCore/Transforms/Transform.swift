/// One augmentation step, split into drawing parameters and applying them.
///
/// Drawing is the only place randomness is used; applying is pure, so recorded parameters
/// replay to the identical output without redrawing (the manifest stores them for that).
public protocol Transform<Input>: Sendable {
  associatedtype Input: Sendable
  associatedtype Parameters: Codable & Sendable & Equatable

  /// The transform's one name: recorded in manifests and written as a recipe step's `type`, e.g.
  /// `background-noise`. The pipeline's registry looks a manifest record's transform up by it.
  static var name: String { get }

  /// Draws this application's parameters from `rng`.
  func sampleParameters(for input: Input, using rng: inout some RandomNumberGenerator) throws -> Parameters

  /// Applies already-drawn parameters. Deterministic: the same parameters and input give the same output.
  ///
  /// The input is consumed, so a transform may build its output in the input's own storage; a caller
  /// that still needs the input keeps it, and copy-on-write then leaves the caller's copy untouched.
  func apply(_ parameters: Parameters, to input: consuming Input) throws -> Input
}

extension Transform {
  /// Draws parameters, applies them, and returns the output with the record of what was done.
  public func callAsFunction(
    _ input: Input, using rng: inout some RandomNumberGenerator
  ) throws -> (output: Input, record: AppliedTransform) {
    let parameters = try sampleParameters(for: input, using: &rng)
    let output = try apply(parameters, to: input)
    return (output, try AppliedTransform(name: Self.name, parameters: parameters))
  }

  /// Re-applies the parameters stored in `record` (from a manifest) without drawing anything. (Given only a
  /// record, `TransformRegistry.replay` in AugmentPipeline finds the transform by its name.)
  public func replay(_ record: AppliedTransform, on input: Input) throws -> Input {
    try apply(record.decodeParameters(Parameters.self), to: input)
  }
}
