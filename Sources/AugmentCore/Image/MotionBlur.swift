import MediaIO

/// Motion blur: the image averaged along a straight segment of drawn length and angle, as a camera
/// or subject moving during the exposure. See ``SparseBlurKernel/line(length:angle:)``.
public struct MotionBlur: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// Length of the smear in pixels, in `1...201`.
    public var length: Double
    /// Direction in degrees, counter-clockwise from the +x axis as viewed, in `-360...360`.
    public var angle: Double

    public init(length: Double, angle: Double) {
      self.length = length
      self.angle = angle
    }
  }

  public static let name = "motion-blur"

  public var lengthRange: ClosedRange<Double>
  public var angleRange: ClosedRange<Double>
  public var threads: Int

  public init(length: ClosedRange<Double> = 3...15, angle: ClosedRange<Double> = 0...180, threads: Int = 1) {
    lengthRange = length
    angleRange = angle
    self.threads = threads
  }

  /// Draws `length` then `angle`, each uniformly in its range.
  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let length = rng.uniform(in: lengthRange)
    return Parameters(length: length, angle: rng.uniform(in: angleRange))
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters).apply(to: input, threads: threads)
  }

  public static func kernel(for parameters: Parameters) throws -> SparseBlurKernel {
    try requireParameter(parameters.length, in: 1...201, name: "length", transform: name)
    try requireParameter(parameters.angle, in: -360...360, name: "angle", transform: name)
    return .line(length: parameters.length, angle: parameters.angle)
  }
}
