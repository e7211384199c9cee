import AugmentCore

/// `exposure`: the gain that brings the image's mean luminance to a target drawn from `target_luminance`
/// (0…1), as less or more light on the scene would. A run draws the target from the real slice members'
/// luminance range instead, when the table has members, and from their distribution of it when there are
/// enough to match (``MatchedDraws``).
public struct ExposureSpec: TransformDescriptor {
  public typealias Step = Exposure

  public var targetLuminance: ParameterRange
  public init(targetLuminance: ParameterRange) { self.targetLuminance = targetLuminance }

  public static let modality = Modality.image
  public static let summary = "Gain to a drawn mean luminance, as less or more light on the scene."
  public static let fields = [
    ParameterField(
      key: "target_luminance", value: .range(0...1, unit: "(mean luminance)"), required: true,
      doc: "the mean luminance drawn (the real members' range when the table has members)")
  ]
  public static let example = ExposureSpec(targetLuminance: .init(0.05, 0.15))

  public var description: String { "gain to a mean luminance of \(targetLuminance)" }

  /// The target range replaced by the real members' luminance range, when calibration measured one.
  public func calibrated(by context: TransformContext) -> ExposureSpec {
    ExposureSpec(targetLuminance: context.memberLuminance ?? targetLuminance)
  }

  /// The output's mean luminance is the target.
  public var counterpart: CounterpartParameter? {
    CounterpartParameter(
      key: "target_luminance", feature: ImageStatistic.luminance.rawValue, range: targetLuminance, mapping: .identity)
  }

  public func makeStep(in context: TransformContext) throws -> Exposure {
    Exposure(targetLuminance: context.draw(for: Self.self, over: targetLuminance))
  }

  enum CodingKeys: String, CodingKey { case targetLuminance = "target_luminance" }
}
