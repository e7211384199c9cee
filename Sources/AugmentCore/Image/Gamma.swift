import MediaIO

/// Gamma: `out = x^γ` on every colour sample normalised to `0...1`; alpha untouched.
///
/// `γ < 1` brightens shadows and mid-tones, `γ > 1` darkens them; black and white stay fixed.
/// albumentations' `RandomGamma(gamma_limit=(80, 120))` corresponds to `gammaRange: 0.8...1.2`.
public struct Gamma: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// The exponent, in `0.01...100`.
    public var gamma: Double

    public init(gamma: Double) { self.gamma = gamma }
  }

  public static let name = "gamma"

  public var gammaRange: ClosedRange<Double>
  public var threads: Int

  public init(gamma: ClosedRange<Double> = 0.8...1.2, threads: Int = 1) {
    gammaRange = gamma
    self.threads = threads
  }

  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    Parameters(gamma: rng.uniform(in: gammaRange))
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters, bitDepth: input.bitDepth).apply(to: input, threads: threads)
  }

  public static func kernel(for parameters: Parameters, bitDepth: Image.BitDepth) throws -> GammaKernel {
    try requireParameter(parameters.gamma, in: 0.01...100, name: "gamma", transform: name)
    return GammaKernel(gamma: parameters.gamma, bitDepth: bitDepth)
  }
}
