import AugmentCore

/// `spotlight`: a dark scene lit on its object: the light falls off around the object (found in the
/// image) to `surround` of its strength over `falloff` of the object's size, and the frame is scaled to a
/// mean luminance drawn from `target_luminance`. A run draws the target from the real slice members'
/// luminance range instead, when the table has members, and from their distribution of it when there are
/// enough to match (``MatchedDraws``).
public struct SpotlightSpec: TransformDescriptor {
  public typealias Step = Spotlight

  public var targetLuminance: ParameterRange
  public var surround: ParameterRange
  public var falloff: ParameterRange

  public init(targetLuminance: ParameterRange, surround: ParameterRange, falloff: ParameterRange) {
    self.targetLuminance = targetLuminance
    self.surround = surround
    self.falloff = falloff
  }

  public static let modality = Modality.image
  public static let summary = "Light on the object, falling off to a darkened surround, at a drawn mean luminance."
  public static let fields = [
    ParameterField(
      key: "target_luminance", value: .range(0...1, unit: "(mean luminance)"), required: true,
      doc: "the mean luminance drawn (the real members' range when the table has members)"),
    ParameterField(
      key: "surround", value: .range(0...1, unit: "(of the object's light)"), required: true,
      doc: "the light left on the surround"),
    ParameterField(
      key: "falloff", value: .range(0.01...100, unit: "(object standard deviations)"), required: true,
      doc: "how far the light reaches past the object"),
  ]
  public static let example = SpotlightSpec(
    targetLuminance: .init(0.05, 0.15), surround: .init(0.05, 0.1), falloff: .init(0.3, 0.6))

  public var description: String {
    "mean luminance \(targetLuminance), surround \(surround) of the object's light, falloff \(falloff) object sizes"
  }

  /// The target range replaced by the real members' luminance range, when calibration measured one.
  public func calibrated(by context: TransformContext) -> SpotlightSpec {
    SpotlightSpec(targetLuminance: context.memberLuminance ?? targetLuminance, surround: surround, falloff: falloff)
  }

  /// The output's mean luminance is the target.
  public var counterpart: CounterpartParameter? {
    CounterpartParameter(
      key: "target_luminance", feature: ImageStatistic.luminance.rawValue, range: targetLuminance, mapping: .identity)
  }

  public func makeStep(in context: TransformContext) throws -> Spotlight {
    Spotlight(
      targetLuminance: context.draw(for: Self.self, over: targetLuminance), surround: surround.closed,
      falloff: falloff.closed)
  }

  enum CodingKeys: String, CodingKey { case targetLuminance = "target_luminance", surround, falloff }
}
