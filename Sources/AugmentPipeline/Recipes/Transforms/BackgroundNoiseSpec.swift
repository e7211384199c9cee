import AugmentCore

/// `background-noise`: a clip from a noise-bank category mixed in at an SNR drawn from `snr_db`.
public struct BackgroundNoiseSpec: TransformDescriptor {
  public typealias Step = BackgroundNoise

  /// The noise-bank folder, e.g. `car` for `noise-banks/car/`.
  public var category: String
  public var snrDB: ParameterRange
  /// `active-speech` (ITU-T P.56 active level of the speech, the default) or `rms` (whole-clip RMS).
  public var snrDefinition: SNRDefinitionName

  public init(category: String, snrDB: ParameterRange, snrDefinition: SNRDefinitionName = .activeSpeech) {
    self.category = category
    self.snrDB = snrDB
    self.snrDefinition = snrDefinition
  }

  public static let modality = Modality.audio
  public static let summary = "Mixes a clip of a noise-bank category under the speech at a drawn SNR."
  public static let fields = [
    ParameterField(key: "category", value: .text, required: true, doc: "the noise-bank folder, e.g. car"),
    ParameterField(key: "snr_db", value: .range(-30...60, unit: "dB"), required: true, doc: "the SNR drawn"),
    ParameterField(
      key: "snr_definition", value: .choice(["active-speech", "rms"]),
      doc: "speech level as ITU-T P.56 active level (default) or whole-clip RMS"),
  ]
  public static let example = BackgroundNoiseSpec(category: "car", snrDB: .init(0, 15))

  public var description: String {
    "noise-banks/\(category), SNR \(snrDB) dB (\(snrDefinition.rawValue))"
  }

  /// The SNR range narrowed to what the slice's real members measure, when calibration measured them.
  public func calibrated(by context: TransformContext) -> BackgroundNoiseSpec {
    var spec = self
    spec.snrDB = context.snrDraw ?? snrDB
    return spec
  }

  /// The outputs' blind SNR (WADA) follows the members'.
  public var counterpart: CounterpartParameter? {
    CounterpartParameter(key: "snr_db", feature: "blind-snr-db", range: snrDB)
  }

  public func makeStep(in context: TransformContext) throws -> BackgroundNoise {
    try BackgroundNoise(
      bank: context.openNoiseBank(for: Self.name), category: category, snr: context.draw(for: Self.self, over: snrDB),
      definition: snrDefinition == .rms ? .rms : .activeSpeech)
  }

  /// The recorded clip is found again in the bank; its category is the clip's first folder.
  public static func replayer(for parameters: BackgroundNoise.Parameters, in context: TransformContext) throws
    -> BackgroundNoise
  {
    let category = String(parameters.clip.split(separator: "/").first ?? "")
    return try BackgroundNoise(
      bank: context.openNoiseBank(for: name), category: category, snr: .uniform(parameters.snrDB...parameters.snrDB),
      definition: parameters.definition)
  }

  enum CodingKeys: String, CodingKey {
    case category, snrDB = "snr_db", snrDefinition = "snr_definition"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    category = try container.decode(String.self, forKey: .category)
    snrDB = try container.decode(ParameterRange.self, forKey: .snrDB)
    snrDefinition = try container.decodeIfPresent(SNRDefinitionName.self, forKey: .snrDefinition) ?? .activeSpeech
  }
}

/// How SNR is defined in a recipe file.
public enum SNRDefinitionName: String, Sendable, Codable {
  case activeSpeech = "active-speech"
  case rms
}
