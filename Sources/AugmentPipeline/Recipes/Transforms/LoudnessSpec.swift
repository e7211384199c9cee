import AugmentCore

/// `loudness`: gain to an integrated loudness (ITU-R BS.1770-4) drawn from `target_lufs`.
public struct LoudnessSpec: TransformDescriptor {
  public typealias Step = LoudnessNormalization

  public var targetLUFS: ParameterRange

  public init(targetLUFS: ParameterRange) { self.targetLUFS = targetLUFS }

  public static let modality = Modality.audio
  public static let summary = "Gain to a drawn integrated loudness (ITU-R BS.1770-4), peak-limited."
  public static let fields = [
    ParameterField(key: "target_lufs", value: .range(-70...(-1), unit: "LUFS"), required: true, doc: "the loudness drawn")
  ]
  public static let example = LoudnessSpec(targetLUFS: .init(-30, -20))

  public var description: String { "\(targetLUFS) LUFS" }

  public func makeStep(in context: TransformContext) throws -> LoudnessNormalization {
    try LoudnessNormalization(targetLUFS: targetLUFS.closed)
  }

  enum CodingKeys: String, CodingKey { case targetLUFS = "target_lufs" }
}
