import AugmentCore

/// `motion-blur`: a line kernel `length` pixels long at `angle` degrees.
public struct MotionBlurSpec: TransformDescriptor {
  public typealias Step = MotionBlur

  public var length: ParameterRange
  public var angle: ParameterRange
  public init(length: ParameterRange, angle: ParameterRange = .init(0, 180)) {
    self.length = length
    self.angle = angle
  }

  public static let modality = Modality.image
  public static let summary = "Camera or subject moving: a line kernel at a drawn length and angle."
  public static let fields = [
    ParameterField(key: "length", value: .range(1...101, unit: "px"), required: true, doc: "the line's length"),
    ParameterField(key: "angle", value: .range(-360...360, unit: "degrees"), doc: "its direction (default 0 to 180)"),
  ]
  public static let example = MotionBlurSpec(length: .init(1, 3))

  public var description: String { "length \(length) px, angle \(angle)°" }

  public func makeStep(in context: TransformContext) throws -> MotionBlur {
    MotionBlur(length: length.closed, angle: angle.closed)
  }

  enum CodingKeys: String, CodingKey { case length, angle }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    length = try container.decode(ParameterRange.self, forKey: .length)
    angle = try container.decodeIfPresent(ParameterRange.self, forKey: .angle) ?? .init(0, 180)
  }
}
