import AugmentCore

/// `impulse-response`: the speech convolved with a room impulse response from the impulse-response bank,
/// from one category folder or from all, and only rooms whose RT60 lies in `rt60_s` when it is given; with
/// `tail_s`, that much of the room's decay after the last frame is kept (drawn per sample); with
/// `high_pass_hz`, each response loses its DC offset first (see ``ImpulseResponse``).
public struct ImpulseResponseSpec: TransformDescriptor {
  public typealias Step = ImpulseResponse

  /// The bank folder, e.g. `office` for `rir-banks/office/`; `nil`: every category.
  public var category: String?
  /// The reverberation times, in seconds, of the rooms drawn from; `nil`: any.
  public var rt60Seconds: ParameterRange?
  /// Seconds of reverberant tail kept past the source's end; `nil`: none, the output is as long as the source.
  public var tailSeconds: ParameterRange?
  /// The corner, in hertz, each response is high-passed at (zero phase) before use; `nil`: used as stored.
  public var highPassHz: Double?

  public init(
    category: String? = nil, rt60Seconds: ParameterRange? = nil, tailSeconds: ParameterRange? = nil,
    highPassHz: Double? = nil
  ) {
    self.category = category
    self.rt60Seconds = rt60Seconds
    self.tailSeconds = tailSeconds
    self.highPassHz = highPassHz
  }

  public static let modality = Modality.audio
  public static let summary = "Convolves the speech with a room impulse response, as a distant microphone hears it."
  public static let fields = [
    ParameterField(
      key: "category", value: .text, doc: "the impulse-response bank folder, e.g. office (default: every category)"),
    ParameterField(
      key: "rt60_s", value: .range(0.05...10, unit: "s"),
      doc: "only rooms whose RT60 lies in this range (default: any; calibrated on the slice's members)"),
    ParameterField(
      key: "tail_s", value: .range(0...5, unit: "s"),
      doc: "the room's decay kept after the source's end, drawn per sample (default: none, as long as the source)"),
    ParameterField(
      key: "high_pass_hz", value: .number(1...200, unit: "Hz"),
      doc: "each response high-passed here (2nd-order Butterworth, zero phase), removing the DC offset of simulated rooms (default: none)"),
  ]
  public static let example = ImpulseResponseSpec(rt60Seconds: .init(0.2, 0.9))

  public var description: String {
    let rooms = category.map { "rir-banks/\($0)" } ?? "rir-banks, every category"
    let tail = tailSeconds.map { ", \($0) s of decay kept" } ?? ""
    let highPass = highPassHz.map { ", high-passed at \(Verdict.format($0)) Hz" } ?? ""
    return (rt60Seconds.map { "\(rooms), RT60 \($0) s" } ?? rooms) + tail + highPass
  }

  /// The RT60 range narrowed to what the slice's real members measure, when calibration measured them.
  public func calibrated(by context: TransformContext) -> ImpulseResponseSpec {
    var spec = self
    spec.rt60Seconds = context.rt60Draw ?? rt60Seconds
    return spec
  }

  public func makeStep(in context: TransformContext) throws -> ImpulseResponse {
    let bank = try context.openImpulseResponseBank(for: Self.name)
    return try ImpulseResponse(
      bank: bank, categories: category.map { [$0] } ?? bank.categories, rt60Range: rt60Seconds?.closed,
      tailSeconds: tailSeconds?.closed, highPassHz: highPassHz)
  }

  /// The recorded response is found again in the bank; its category is the response's first folder.
  public static func replayer(for parameters: ImpulseResponse.Parameters, in context: TransformContext) throws
    -> ImpulseResponse
  {
    let category = String(parameters.impulseResponse.split(separator: "/").first ?? "")
    return try ImpulseResponse(bank: context.openImpulseResponseBank(for: name), category: category)
  }

  enum CodingKeys: String, CodingKey {
    case category, rt60Seconds = "rt60_s", tailSeconds = "tail_s", highPassHz = "high_pass_hz"
  }
}
