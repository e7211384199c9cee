import MediaIO

/// Defocus blur: the image averaged over a disk of drawn radius, as an out-of-focus lens spreads a
/// point into a disk. See ``SparseBlurKernel/disk(radius:)``.
public struct DefocusBlur: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// Disk radius in pixels, in `0...100`.
    public var radius: Double

    public init(radius: Double) { self.radius = radius }
  }

  public static let name = "defocus-blur"

  public var radiusRange: ClosedRange<Double>
  public var threads: Int

  public init(radius: ClosedRange<Double> = 1...5, threads: Int = 1) {
    radiusRange = radius
    self.threads = threads
  }

  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    Parameters(radius: rng.uniform(in: radiusRange))
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters).apply(to: input, threads: threads)
  }

  public static func kernel(for parameters: Parameters) throws -> SparseBlurKernel {
    try requireParameter(parameters.radius, in: 0...100, name: "radius", transform: name)
    return .disk(radius: parameters.radius)
  }
}
