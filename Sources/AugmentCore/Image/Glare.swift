import MediaIO

/// Reflection or glare: a soft specular highlight with drawn position, size, angle and strength,
/// screen-blended over the image. See ``GlareKernel`` for the shape and blend.
///
/// A large `radiusAlong` against a small `radiusAcross` gives a strip, as a window reflected in glass;
/// similar radii give a round hot spot, as a lamp reflected in a glossy surface.
public struct Glare: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// Centre as fractions of the width and height (0 = left or top edge), in `-0.5...1.5` each,
    /// so a highlight may sit partly outside the frame.
    public var centerX: Double
    public var centerY: Double
    /// Gaussian widths along and across the highlight's axis, as fractions of the image diagonal,
    /// in `0.001...4`.
    public var radiusAlong: Double
    public var radiusAcross: Double
    /// Direction of the axis in degrees, counter-clockwise from the +x axis as viewed, in `-360...360`.
    public var angle: Double
    /// Peak value of the highlight, in `0...1`.
    public var strength: Double

    public init(
      centerX: Double, centerY: Double, radiusAlong: Double, radiusAcross: Double, angle: Double, strength: Double
    ) {
      self.centerX = centerX
      self.centerY = centerY
      self.radiusAlong = radiusAlong
      self.radiusAcross = radiusAcross
      self.angle = angle
      self.strength = strength
    }
  }

  public static let name = "glare"

  public var centerXRange: ClosedRange<Double>
  public var centerYRange: ClosedRange<Double>
  public var radiusAlongRange: ClosedRange<Double>
  public var radiusAcrossRange: ClosedRange<Double>
  public var angleRange: ClosedRange<Double>
  public var strengthRange: ClosedRange<Double>
  public var threads: Int

  public init(
    centerX: ClosedRange<Double> = 0.2...0.8, centerY: ClosedRange<Double> = 0.2...0.8,
    radiusAlong: ClosedRange<Double> = 0.1...0.4, radiusAcross: ClosedRange<Double> = 0.02...0.1,
    angle: ClosedRange<Double> = 0...180, strength: ClosedRange<Double> = 0.3...0.8, threads: Int = 1
  ) {
    centerXRange = centerX
    centerYRange = centerY
    radiusAlongRange = radiusAlong
    radiusAcrossRange = radiusAcross
    angleRange = angle
    strengthRange = strength
    self.threads = threads
  }

  /// Draws, uniformly in their ranges and in this order: centre x, centre y, radius along, radius
  /// across, angle, strength.
  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let centerX = rng.uniform(in: centerXRange)
    let centerY = rng.uniform(in: centerYRange)
    let radiusAlong = rng.uniform(in: radiusAlongRange)
    let radiusAcross = rng.uniform(in: radiusAcrossRange)
    let angle = rng.uniform(in: angleRange)
    return Parameters(
      centerX: centerX, centerY: centerY, radiusAlong: radiusAlong, radiusAcross: radiusAcross, angle: angle,
      strength: rng.uniform(in: strengthRange))
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters, width: input.width, height: input.height).apply(to: input, threads: threads)
  }

  public static func kernel(for parameters: Parameters, width: Int, height: Int) throws -> GlareKernel {
    try requireParameter(parameters.centerX, in: -0.5...1.5, name: "centerX", transform: name)
    try requireParameter(parameters.centerY, in: -0.5...1.5, name: "centerY", transform: name)
    try requireParameter(parameters.radiusAlong, in: 0.001...4, name: "radiusAlong", transform: name)
    try requireParameter(parameters.radiusAcross, in: 0.001...4, name: "radiusAcross", transform: name)
    try requireParameter(parameters.angle, in: -360...360, name: "angle", transform: name)
    try requireParameter(parameters.strength, in: 0...1, name: "strength", transform: name)
    return GlareKernel(parameters: parameters, width: width, height: height)
  }
}
