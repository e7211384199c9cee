import MediaIO

/// More or less light on the same scene: every colour sample is scaled by the gain that brings the
/// image's mean luminance (Rec. 709 luma) to a target drawn from a range; alpha is untouched.
///
/// Drawing a *target luminance* rather than a gain lets one range serve dim and bright sources alike, and
/// lets a run calibrate that range on the real members of a slice (`dark-background`, `light-background`).
/// A gain above 1 saturates highlights at full scale, as an over-exposed photograph does, so the result's
/// mean can then fall short of the target.
public struct Exposure: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// The mean luminance aimed at, `0...1`.
    public var targetLuminance: Double
    /// The source's mean luminance, measured when drawing.
    public var sourceLuminance: Double
    /// `target / source`, limited to `0...maximumGain`; 1 for a black source.
    public var gain: Double

    public init(targetLuminance: Double, sourceLuminance: Double, gain: Double) {
      self.targetLuminance = targetLuminance
      self.sourceLuminance = sourceLuminance
      self.gain = gain
    }
  }

  public static let name = "exposure"
  /// The largest gain applied (five stops and a bit), so a near-black source is not amplified into noise.
  public static let maximumGain = 40.0

  /// How the target mean luminance is drawn.
  public var targetLuminance: ParameterDraw
  /// Cores to split the rows over.
  public var threads: Int

  public init(targetLuminance: ParameterDraw, threads: Int = 1) {
    self.targetLuminance = targetLuminance
    self.threads = threads
  }

  /// Measures the source's mean luminance, then draws the target.
  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let luma = LumaPlane(input)
    let source = luma.meanAndDeviation(in: luma.wholeImage).mean
    let target = targetLuminance.draw(using: &rng)
    let gain = source > 0 ? min(target / source, Self.maximumGain) : 1
    return Parameters(targetLuminance: target, sourceLuminance: source, gain: gain)
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try requireParameter(parameters.gain, in: 0...Self.maximumGain, name: "gain", transform: Self.name)
    return LinearPointKernel(gain: Float(parameters.gain), offset: 0).apply(to: input, threads: threads)
  }
}
