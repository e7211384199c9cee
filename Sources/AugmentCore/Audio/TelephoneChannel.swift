import Foundation
import MediaIO

/// A narrow-band telephone channel: band-pass, down to 8 kHz and back, optionally through 8-bit μ-law.
///
/// The band edges are drawn uniformly from their ranges (the defaults fix them at 300 and 3400 Hz, the
/// classic telephone band) and realised as 8th-order Butterworth high- and low-pass cascades at the
/// input's rate (48 dB per octave each side): a real channel's band edges are steep, and with a gentler
/// 4th order the noise floor of made samples kept energy around 125 Hz that real telephone clips lack,
/// which the realism gate rejected. The band-limited signal is resampled to 8 kHz with
/// libsoxr, optionally G.711 μ-law encoded and decoded (``MuLaw``), and resampled back to the input's
/// rate; the result is trimmed or zero-padded by the frame the two conversions may disagree on, so it
/// has exactly the input's length. Channels are processed independently.
public struct TelephoneChannel: Transform {
  public typealias Input = AudioBuffer
  public static let name = "telephone"
  /// The rate of the narrow-band channel.
  public static let channelRate = 8000
  /// The order of each band-edge Butterworth filter.
  public static let filterOrder = 8

  public let lowCutRange: ClosedRange<Double>
  public let highCutRange: ClosedRange<Double>
  /// The probability that an application passes through μ-law (0: never, 1: always).
  public let muLawProbability: Double

  public struct Parameters: Codable, Sendable, Equatable {
    /// The high-pass corner in Hz.
    public var lowCutHz: Double
    /// The low-pass corner in Hz.
    public var highCutHz: Double
    /// Whether the 8 kHz signal went through 8-bit μ-law.
    public var muLaw: Bool
    /// The channel's rate in Hz.
    public var channelRate: Int
  }

  /// - Throws: ``AudioTransformError/invalidConfiguration(transform:detail:)`` unless
  ///   `0 < lowCut < highCut < 4000 Hz` for every value in the ranges and the probability is in 0…1.
  public init(
    lowCut: ClosedRange<Double> = 300...300, highCut: ClosedRange<Double> = 3400...3400, muLawProbability: Double = 0
  ) throws {
    let nyquist = Double(Self.channelRate) / 2
    guard lowCut.lowerBound > 0, lowCut.upperBound < highCut.lowerBound, highCut.upperBound < nyquist else {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name,
        detail: "band edges \(lowCut) and \(highCut) Hz must satisfy 0 < low < high < \(Int(nyquist)) Hz")
    }
    guard (0...1).contains(muLawProbability) else {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name, detail: "μ-law probability \(muLawProbability) is not in 0…1")
    }
    self.lowCutRange = lowCut
    self.highCutRange = highCut
    self.muLawProbability = muLawProbability
  }

  /// - Throws: ``AudioTransformError/unsupportedSampleRate(transform:sampleRate:detail:)`` when the
  ///   highest high cut the range allows is not under the input's Nyquist frequency: decided by the input
  ///   and the range alone, so no draw is made that could fail on it.
  public func sampleParameters(for input: AudioBuffer, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    guard highCutRange.upperBound < Double(input.sampleRate) / 2 else {
      throw AudioTransformError.unsupportedSampleRate(
        transform: Self.name, sampleRate: input.sampleRate,
        detail: "the band may reach \(highCutRange.upperBound) Hz, above the input's Nyquist frequency")
    }
    return Parameters(
      lowCutHz: rng.uniform(in: lowCutRange), highCutHz: rng.uniform(in: highCutRange),
      muLaw: rng.unitDouble() < muLawProbability, channelRate: Self.channelRate)
  }

  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer) throws -> AudioBuffer {
    let (sampleRate, frameCount) = (input.sampleRate, input.frameCount)
    let inputNyquist = Double(sampleRate) / 2
    guard 0 < parameters.lowCutHz, parameters.lowCutHz < parameters.highCutHz, parameters.channelRate > 0,
      parameters.highCutHz < Double(parameters.channelRate) / 2
    else {
      throw AudioTransformError.invalidParameters(
        transform: Self.name,
        detail: "band \(parameters.lowCutHz)–\(parameters.highCutHz) Hz in a \(parameters.channelRate) Hz channel")
    }
    guard parameters.highCutHz < inputNyquist else {
      throw AudioTransformError.unsupportedSampleRate(
        transform: Self.name, sampleRate: sampleRate,
        detail: "the band reaches \(parameters.highCutHz) Hz, above the input's Nyquist frequency")
    }
    let band =
      Biquad.butterworthHighPass(order: Self.filterOrder, cutoff: parameters.lowCutHz, sampleRate: sampleRate)
      + Biquad.butterworthLowPass(order: Self.filterOrder, cutoff: parameters.highCutHz, sampleRate: sampleRate)
    var filtered = consume input
    for index in filtered.channels.indices { band.apply(to: &filtered.channels[index]) }

    var narrow = try Resampler.resample(filtered, to: parameters.channelRate)
    if parameters.muLaw {
      for index in narrow.channels.indices { MuLaw.quantize(&narrow.channels[index]) }
    }
    let restored = try Resampler.resample(narrow, to: sampleRate)
    let channels = restored.channels.map { channel in
      channel.count >= frameCount
        ? Array(channel.prefix(frameCount))
        : channel + [Float](repeating: 0, count: frameCount - channel.count)
    }
    return AudioBuffer(channels: channels, sampleRate: sampleRate)
  }
}
