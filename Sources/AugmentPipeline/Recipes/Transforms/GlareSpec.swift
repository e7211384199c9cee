import AugmentCore

/// `glare`: a soft specular highlight, a Gaussian ellipse screen-blended over the image, of drawn peak
/// `strength` (0…1), widths `radius_along` and `radius_across` (fractions of the image diagonal) and
/// direction `angle` (degrees); its centre is drawn anywhere in the middle 60 % of the frame.
public struct GlareSpec: TransformDescriptor {
  public typealias Step = Glare

  public var strength: ParameterRange
  public var radiusAlong: ParameterRange
  public var radiusAcross: ParameterRange
  public var angle: ParameterRange

  public init(
    strength: ParameterRange, radiusAlong: ParameterRange = .init(0.1, 0.4),
    radiusAcross: ParameterRange = .init(0.02, 0.1), angle: ParameterRange = .init(0, 180)
  ) {
    self.strength = strength
    self.radiusAlong = radiusAlong
    self.radiusAcross = radiusAcross
    self.angle = angle
  }

  public static let modality = Modality.image
  public static let summary = "A specular highlight: a Gaussian ellipse screen-blended over the image."
  public static let fields = [
    ParameterField(
      key: "strength", value: .range(0...1, unit: "(peak, of full scale)"), required: true, doc: "the highlight's peak"),
    ParameterField(key: "radius_along", value: .range(0...1, unit: "of the diagonal"), doc: "long width (default 0.1 to 0.4)"),
    ParameterField(
      key: "radius_across", value: .range(0...1, unit: "of the diagonal"), doc: "short width (default 0.02 to 0.1)"),
    ParameterField(key: "angle", value: .range(-360...360, unit: "degrees"), doc: "direction (default 0 to 180)"),
  ]
  public static let example = GlareSpec(strength: .init(0.3, 0.7))

  public var description: String {
    "strength \(strength), radius \(radiusAlong) along × \(radiusAcross) across (of the diagonal), angle \(angle)°"
  }

  public func makeStep(in context: TransformContext) throws -> Glare {
    Glare(radiusAlong: radiusAlong.closed, radiusAcross: radiusAcross.closed, angle: angle.closed, strength: strength.closed)
  }

  enum CodingKeys: String, CodingKey {
    case strength, angle, radiusAlong = "radius_along", radiusAcross = "radius_across"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    strength = try container.decode(ParameterRange.self, forKey: .strength)
    radiusAlong = try container.decodeIfPresent(ParameterRange.self, forKey: .radiusAlong) ?? .init(0.1, 0.4)
    radiusAcross = try container.decodeIfPresent(ParameterRange.self, forKey: .radiusAcross) ?? .init(0.02, 0.1)
    angle = try container.decodeIfPresent(ParameterRange.self, forKey: .angle) ?? .init(0, 180)
  }
}
