import MediaIO

/// Gaussian blur by a drawn `sigma` (pixels; uniformly, or matched to a slice's real members' sharpness, see
/// ``ParameterDraw``), matching `cv2.GaussianBlur(image, (0, 0), sigma)`.
/// See ``GaussianBlurKernel`` for the kernel size rule and border.
public struct GaussianBlur: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// Standard deviation in pixels, in `0...50`; values under about 0.17 leave an 8-bit image as it is.
    public var sigma: Double

    public init(sigma: Double) { self.sigma = sigma }
  }

  public static let name = "gaussian-blur"

  /// How sigma is drawn.
  public var sigma: ParameterDraw
  public var threads: Int

  public init(sigma: ParameterDraw = .uniform(0.5...2), threads: Int = 1) {
    self.sigma = sigma
    self.threads = threads
  }

  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    Parameters(sigma: sigma.draw(using: &rng))
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters, bitDepth: input.bitDepth).apply(to: input, threads: threads)
  }

  public static func kernel(for parameters: Parameters, bitDepth: Image.BitDepth) throws -> GaussianBlurKernel {
    try requireParameter(parameters.sigma, in: 0...50, name: "sigma", transform: name)
    return GaussianBlurKernel(sigma: parameters.sigma, bitDepth: bitDepth)
  }
}
