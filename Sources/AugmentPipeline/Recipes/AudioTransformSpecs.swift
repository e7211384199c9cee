/// `background-noise`: a clip from a noise-bank category mixed in at an SNR drawn from `snr_db`.
public struct BackgroundNoiseSpec: Sendable, Equatable, Codable {
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

/// `telephone`: band-pass between the drawn edges, through 8 kHz and back, and 8-bit μ-law coding with
/// probability `mu_law_probability` (0 never, 1 always).
public struct TelephoneSpec: Sendable, Equatable, Codable {
  public var lowHz: ParameterRange
  public var highHz: ParameterRange
  public var muLawProbability: Double

  public init(
    lowHz: ParameterRange = .init(300, 300), highHz: ParameterRange = .init(3400, 3400), muLawProbability: Double = 0
  ) {
    self.lowHz = lowHz
    self.highHz = highHz
    self.muLawProbability = muLawProbability
  }

  enum CodingKeys: String, CodingKey {
    case lowHz = "low_hz", highHz = "high_hz", muLawProbability = "mu_law_probability"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    lowHz = try container.decodeIfPresent(ParameterRange.self, forKey: .lowHz) ?? .init(300, 300)
    highHz = try container.decodeIfPresent(ParameterRange.self, forKey: .highHz) ?? .init(3400, 3400)
    muLawProbability = try container.decodeIfPresent(Double.self, forKey: .muLawProbability) ?? 0
  }
}

/// `loudness`: gain to an integrated loudness (ITU-R BS.1770-4) drawn from `target_lufs`.
public struct LoudnessSpec: Sendable, Equatable, Codable {
  public var targetLUFS: ParameterRange

  public init(targetLUFS: ParameterRange) { self.targetLUFS = targetLUFS }

  enum CodingKeys: String, CodingKey { case targetLUFS = "target_lufs" }
}
