import AugmentCore

/// `telephone`: band-pass between the drawn edges, through 8 kHz and back, and 8-bit μ-law coding with
/// probability `mu_law_probability` (0 never, 1 always).
public struct TelephoneSpec: TransformDescriptor {
  public typealias Step = TelephoneChannel

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

  public static let modality = Modality.audio
  public static let summary = "A narrow-band telephone channel: band-pass, through 8 kHz and back, optionally 8-bit μ-law."
  public static let fields = [
    ParameterField(key: "low_hz", value: .range(1...3999, unit: "Hz"), doc: "the high-pass corner (default 300)"),
    ParameterField(key: "high_hz", value: .range(1...3999, unit: "Hz"), doc: "the low-pass corner (default 3400)"),
    ParameterField(
      key: "mu_law_probability", value: .number(0...1, unit: "(a probability)"),
      doc: "how often the 8 kHz signal goes through μ-law (default 0)"),
  ]
  public static let example = TelephoneSpec(lowHz: .init(250, 350), highHz: .init(3000, 3600), muLawProbability: 0.5)

  public var description: String {
    "band \(lowHz)–\(highHz) Hz, through 8 kHz, 8-bit μ-law with probability \(Verdict.format(muLawProbability))"
  }

  public func makeStep(in context: TransformContext) throws -> TelephoneChannel {
    try TelephoneChannel(lowCut: lowHz.closed, highCut: highHz.closed, muLawProbability: muLawProbability)
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
