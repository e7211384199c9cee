import Foundation
import MediaIO

/// Reverberation: convolves speech with a room impulse response drawn from bank categories.
///
/// A bank of responses has the layout of a noise bank (one folder per category, any format libsndfile
/// reads) and is opened as a ``NoiseBank``: responses are down-mixed to mono, resampled to the speech's
/// rate with libsoxr and cached. Drawing picks a response uniformly from the categories (only those whose
/// RT60, measured at the bank's rate, lies in ``rt60Range`` when one is given) and measures it at
/// the speech's rate: its reverberation time (``ReverberationTime``, T30, or T20 when the response is too
/// short for T30), its direct-to-reverberant ratio (``DirectToReverberantRatio``) and its direct path, the
/// largest sample.
///
/// With ``highPassHz``, every response is first high-passed at that corner by a 2nd-order Butterworth run
/// forwards and backwards (zero phase), as pyroomacoustics filters the responses it simulates (10 Hz by
/// default): the image-source method sums reflections that are all positive, which leaves a DC offset no
/// real room has. On the shipped rooms its hump below 20 Hz stands 19–27 dB above the response's level at
/// 4–8 kHz and holds a sixth to a half of its energy, so it lifts a source's lowest frequencies and, under
/// unit-energy scaling, lowers the speech band. The RT60, DRR and direct path are measured on the filtered
/// response.
///
/// Applying convolves every channel with the response (``FFTConvolution``) scaled to unit energy
/// (`Σh² = 1`), so a steady broadband input keeps its level. The output keeps the input's timing: it is the
/// full convolution from the direct path on, `y[n] = (x ∗ h)[n + direct]`, so words stay where labels and
/// transcripts place them. By default it keeps the input's length too, and the reverberant tail past the
/// input's end is dropped (as audiomentations' `ApplyImpulseResponse` does by default); with a
/// ``tailSeconds`` range, a tail of a drawn length is kept, as a recording that goes on while the room
/// decays after the last word holds it (clean clips are often cut close after the speech, where a room
/// microphone's recording is not). If the result would peak above
/// ``PeakLimit/ceiling`` it is scaled down to it and the factor is recorded as `outputGain`; nothing is
/// clipped. There is no dry signal mixed back: the response's own direct path is the dry part.
///
/// Drawing convolves once to find the output's peak; applying convolves again with the recorded gains, so
/// replaying a manifest's parameters reproduces the output bit for bit.
public struct ImpulseResponse: Transform {
  public typealias Input = AudioBuffer
  public static let name = "impulse-response"

  public let bank: NoiseBank
  public let categories: [String]
  /// The reverberation times, in seconds, a response must have to be drawn; `nil`: any.
  public let rt60Range: ClosedRange<Double>?
  /// How much of the reverberant tail past the input's end is kept, in seconds, drawn per sample;
  /// `nil`: none, the output is as long as the input.
  public let tailSeconds: ClosedRange<Double>?
  /// The corner, in hertz, responses are high-passed at before use; `nil`: used as stored.
  public let highPassHz: Double?
  private let responses: [String]

  /// What one application did.
  public struct Parameters: Codable, Sendable, Equatable {
    /// The response, relative to the bank's root.
    public var impulseResponse: String
    /// The response's reverberation time in seconds, measured at the speech's rate.
    public var rt60Seconds: Double
    /// The decay range the reverberation time was fitted over.
    public var rt60Span: ReverberationTime.Span
    /// The response's direct-to-reverberant ratio in dB.
    public var drrDB: Double
    /// The response's frame (at the speech's rate) of the direct path, aligned with the speech's first frame.
    public var directFrame: Int
    /// The gain bringing the response to unit energy.
    public var responseGain: Double
    /// The gain applied to the result: below 1 when it was scaled down to avoid clipping.
    public var outputGain: Double
    /// Frames of reverberant tail kept past the input's end (at most the response's length past its direct
    /// path); absent when none is kept.
    public var tailFrames: Int?
    /// The corner the response was high-passed at; absent when it was used as stored.
    public var highPassHz: Double?
  }

  /// - Throws: ``NoiseBankError`` when the category is missing or holds no readable response.
  public init(bank: NoiseBank, category: String) throws {
    try self.init(bank: bank, categories: [category])
  }

  /// Draws from the responses of every category in `categories` whose RT60 at the bank's rate lies in
  /// `rt60Range` (any RT60 when `nil`): a slice calibrated on real recordings picks rooms as reverberant
  /// as theirs. With `highPassHz`, responses are high-passed at that corner before they are measured or used.
  /// - Throws: ``NoiseBankError`` when a category is missing or holds no readable response;
  ///   ``ImpulseResponseError/noResponseInRange(_:measured:)`` when no response's RT60 is in the range;
  ///   ``AudioTransformError/invalidConfiguration(transform:detail:)`` for a corner that is not positive;
  ///   the errors of measuring a response.
  public init(
    bank: NoiseBank, categories: [String], rt60Range: ClosedRange<Double>? = nil, tailSeconds: ClosedRange<Double>? = nil,
    highPassHz: Double? = nil
  ) throws {
    if let highPassHz, !(highPassHz > 0) {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name, detail: "high-pass corner \(highPassHz) Hz is not positive")
    }
    var responses = try categories.flatMap { try bank.requireClips(in: $0) }
    if let rt60Range {
      let measured = try responses.map { name in
        let response = try Self.response(name, in: bank, sampleRate: bank.sampleRate, highPassHz: highPassHz)
        return (name, try Self.reverberationTime(response, sampleRate: bank.sampleRate, name: name).seconds)
      }
      responses = measured.filter { rt60Range.contains($0.1) }.map(\.0)
      guard !responses.isEmpty else {
        throw ImpulseResponseError.noResponseInRange(rt60Range, measured: measured.map { "\($0.0) \(($0.1 * 100).rounded() / 100)" })
      }
    }
    self.responses = responses
    self.bank = bank
    self.categories = categories
    self.rt60Range = rt60Range
    self.tailSeconds = tailSeconds
    self.highPassHz = highPassHz
  }

  /// - Throws: ``ImpulseResponseError`` for a silent response or one whose decay cannot be measured, or
  ///   the bank's error when the response cannot be read or resampled.
  public func sampleParameters(for input: AudioBuffer, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let name = responses[rng.index(below: responses.count)]
    let response = try Self.response(name, in: bank, sampleRate: input.sampleRate, highPassHz: highPassHz)
    let energy = response.reduce(0.0) { $0 + Double($1) * Double($1) }
    guard energy > 0, let direct = DirectToReverberantRatio.directIndex(response) else {
      throw ImpulseResponseError.silent(response: name)
    }
    let (span, rt60) = try Self.reverberationTime(response, sampleRate: input.sampleRate, name: name)
    guard let drr = DirectToReverberantRatio.decibels(response, sampleRate: input.sampleRate) else {
      throw ImpulseResponseError.decayNotMeasurable(response: name)
    }
    let responseGain = 1 / energy.squareRoot()
    let tailFrames = tailSeconds.map { range in
      min(Int((rng.uniform(in: range) * Double(input.sampleRate)).rounded()), response.count - 1 - direct)
    }
    let peak = Self.reverberate(input, response: response, gain: Float(responseGain), direct: direct, tail: tailFrames ?? 0)
      .channels.reduce(Float(0)) { max($0, SignalMath.peak($1)) }
    return Parameters(
      impulseResponse: name, rt60Seconds: rt60, rt60Span: span, drrDB: drr, directFrame: direct,
      responseGain: responseGain, outputGain: PeakLimit.gain(forPeak: peak), tailFrames: tailFrames,
      highPassHz: highPassHz)
  }

  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer) throws -> AudioBuffer {
    let response = try Self.response(
      parameters.impulseResponse, in: bank, sampleRate: input.sampleRate, highPassHz: parameters.highPassHz)
    let tail = parameters.tailFrames ?? 0
    guard parameters.directFrame == DirectToReverberantRatio.directIndex(response), parameters.responseGain > 0,
      (0...1).contains(parameters.outputGain), parameters.outputGain > 0,
      (0...max(0, response.count - 1 - parameters.directFrame)).contains(tail)
    else {
      throw AudioTransformError.invalidParameters(
        transform: Self.name,
        detail: "direct frame \(parameters.directFrame), response gain \(parameters.responseGain), output gain "
          + "\(parameters.outputGain) and tail of \(tail) frames for \(parameters.impulseResponse) (\(response.count) frames)")
    }
    var output = Self.reverberate(
      input, response: response, gain: Float(parameters.responseGain), direct: parameters.directFrame, tail: tail)
    if parameters.outputGain != 1 {
      for c in output.channels.indices { SignalMath.scale(&output.channels[c], by: Float(parameters.outputGain)) }
    }
    return output
  }

  /// The response at `sampleRate`, high-passed at `highPassHz` when given (below the input's Nyquist
  /// frequency; a corner at or above it is refused).
  private static func response(_ name: String, in bank: NoiseBank, sampleRate: Int, highPassHz: Double?) throws -> [Float] {
    var response = try bank.samples(for: name, sampleRate: sampleRate)
    guard let highPassHz else { return response }
    guard highPassHz > 0, highPassHz < Double(sampleRate) / 2 else {
      throw AudioTransformError.invalidParameters(
        transform: Self.name, detail: "high-pass corner \(highPassHz) Hz at \(sampleRate) Hz")
    }
    Biquad.butterworthHighPass(order: 2, cutoff: highPassHz, sampleRate: sampleRate).applyZeroPhase(to: &response)
    return response
  }

  /// The response's RT60: T30, or T20 when the response is too short for T30.
  /// - Throws: ``ImpulseResponseError/decayNotMeasurable(response:)`` when neither can be fitted.
  private static func reverberationTime(_ response: [Float], sampleRate: Int, name: String) throws
    -> (span: ReverberationTime.Span, seconds: Double)
  {
    let curve = ReverberationTime.decayCurve(response)
    if let t30 = ReverberationTime.seconds(decayCurve: curve, sampleRate: sampleRate, span: .t30) { return (.t30, t30) }
    if let t20 = ReverberationTime.seconds(decayCurve: curve, sampleRate: sampleRate, span: .t20) { return (.t20, t20) }
    throw ImpulseResponseError.decayNotMeasurable(response: name)
  }

  /// Every channel convolved with `gain × response`, the `input.frameCount + tail` frames from `direct` on
  /// (the full convolution is `input.frameCount + response.count - 1` long, and `tail` at most
  /// `response.count - 1 - direct`).
  private static func reverberate(_ input: AudioBuffer, response: [Float], gain: Float, direct: Int, tail: Int) -> AudioBuffer {
    let convolution = FFTConvolution(impulseResponse: response.map { $0 * gain })
    let count = input.frameCount
    let channels = input.channels.map { channel in
      count == 0 ? [] : Array(convolution.convolve(channel)[direct..<(direct + count + tail)])
    }
    return AudioBuffer(channels: channels, sampleRate: input.sampleRate)
  }
}
