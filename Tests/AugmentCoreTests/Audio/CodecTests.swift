import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct CodecTests {
  static func speech(_ name: String = "s001") throws -> AudioBuffer {
    try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent("samples/speech/clean/\(name).wav")).buffer
  }

  /// 10·log10(Σ x² / Σ (x − y)²).
  static func snr(_ x: [Float], _ y: [Float]) -> Double {
    var signal = 0.0, error = 0.0
    for n in 0..<min(x.count, y.count) {
      signal += Double(x[n]) * Double(x[n])
      error += (Double(x[n]) - Double(y[n])) * (Double(x[n]) - Double(y[n]))
    }
    return 10 * log10(signal / error)
  }

  static func parameters(_ codec: AudioCodec, level: Double?, for input: AudioBuffer) throws -> Codec.Parameters {
    let range = (level ?? 0.5)...(level ?? 0.5)
    var rng = Xoshiro256StarStar(seed: 7)
    return try Codec(codecs: [codec], compressionLevel: range).sampleParameters(for: input, using: &rng)
  }

  /// Each codec on a 16 kHz speech clip: the output has the input's rate and length, its SNR lies in the
  /// range measured for that codec, the delay found is none (libsndfile removes what the streams
  /// declare), and the recorded bitrate is within 30 % of the nominal (the container's headers weigh on
  /// a 1.8 s clip). The SNR is taken against the input as it is without the codec: G.711 and GSM run at
  /// 8 kHz, so against the input resampled to 8 kHz and back. G.711 keeps 36–39 dB, GSM 6.10 (a
  /// vocoder that keeps the spectral envelope, not the waveform) 5–10 dB, MP3 at 80 kbit/s 21–26 dB,
  /// Opus at 31 kbit/s 16–21 dB.
  @Test(arguments: [
    (AudioCodec.muLaw, Double?.none, 36.0...39.0), (.aLaw, nil, 36...39), (.gsm, nil, 5...10), (.mp3, 0.5, 21...26),
    (.opus, 0.9, 16...21),
  ])
  func roundTripKeepsTheSpeech(codec: AudioCodec, level: Double?, expectedSNR: ClosedRange<Double>) throws {
    let input = try Self.speech()
    let parameters = try Self.parameters(codec, level: level, for: input)
    #expect(parameters.codec == codec && parameters.compressionLevel == level)
    #expect(parameters.codecRate == (codec.sampleRates.contains(16_000) ? 16_000 : 8_000))
    #expect(parameters.delayFrames == 0)
    let nominal = Double(codec.nominalBitrate(sampleRate: parameters.codecRate, channels: 1, compressionLevel: level ?? 0))
    #expect(parameters.bitrate > 0.7 * nominal && parameters.bitrate < 1.3 * nominal, "\(parameters.bitrate) bit/s")
    let output = try Codec(codecs: [codec]).apply(parameters, to: input)
    #expect(output.sampleRate == input.sampleRate && output.frameCount == input.frameCount)
    let band = try Resampler.resample(Resampler.resample(input, to: parameters.codecRate), to: input.sampleRate)
    let snr = Self.snr(band.channels[0], output.channels[0])
    #expect(expectedSNR.contains(snr), "\(codec.rawValue): \(snr) dB")
  }

  /// A constant-bitrate MP3 at 8 kbit/s decodes without its encoder delay removed (about 1 500 frames
  /// longer than it was encoded): the lag the cross-correlation finds is exactly LAME's delay at 16 kHz,
  /// 576 + 529 = 1 105 frames, and shifting by it lifts the SNR from −2.9 dB to 8.1 dB.
  @Test func alignsADelayedDecoding() throws {
    let input = try Self.speech()
    let parameters = try Self.parameters(.mp3, level: 0.97, for: input)
    #expect(parameters.delayFrames == 1_105)
    let codec = try Codec(codecs: [.mp3])
    let aligned = try codec.apply(parameters, to: input)
    var unshifted = parameters
    unshifted.delayFrames = 0
    let shifted = try codec.apply(unshifted, to: input)
    let (alignedSNR, unshiftedSNR) = (Self.snr(input.channels[0], aligned.channels[0]), Self.snr(input.channels[0], shifted.channels[0]))
    #expect(unshiftedSNR < 0 && alignedSNR > unshiftedSNR + 3, "aligned \(alignedSNR) dB, unshifted \(unshiftedSNR) dB")
  }

  /// The lag search finds a known shift of a speech clip exactly, and lag 0 for the clip itself.
  @Test(arguments: [0, 1, 37, 1_489])
  func findsAKnownLag(lag: Int) throws {
    let clip = try Self.speech().channels[0]
    let delayed = [Float](repeating: 0, count: lag) + clip
    #expect(CodecDelay.lag(of: delayed, behind: clip, maximumLag: 1_600) == lag)
  }

  /// The same parameters give the same samples twice, for every codec (Opus included, whose bytes carry a
  /// random stream serial number), and a record replays to the output it was made with.
  @Test(arguments: AudioCodec.allCases)
  func replaysIdentically(codec: AudioCodec) throws {
    let input = try Self.speech("s002")
    let transform = try Codec(codecs: [codec], compressionLevel: 0.6...0.9)
    var rng = Xoshiro256StarStar(seed: 11)
    let (output, record) = try transform(input, using: &rng)
    #expect(try transform.replay(record, on: input) == output)
    #expect(try transform.apply(record.decodeParameters(Codec.Parameters.self), to: input) == output)
  }

  /// Rates a codec does not encode are resampled to the nearest it does from above (or its highest), and
  /// the output comes back at the input's rate and length.
  @Test(arguments: [(AudioCodec.opus, 44_100, 48_000), (.opus, 22_050, 24_000), (.mp3, 44_100, 44_100), (.gsm, 44_100, 8_000), (.opus, 96_000, 48_000)])
  func resamplesToARateTheCodecTakes(codec: AudioCodec, inputRate: Int, codecRate: Int) throws {
    #expect(Codec.codecRate(for: codec, inputRate: inputRate) == codecRate)
    let input = try Resampler.resample(Self.speech(), to: inputRate)
    let parameters = try Self.parameters(codec, level: codec.takesCompressionLevel ? 0.5 : nil, for: input)
    #expect(parameters.codecRate == codecRate)
    let output = try Codec(codecs: [codec]).apply(parameters, to: input)
    #expect(output.sampleRate == inputRate && output.frameCount == input.frameCount)
    #expect(Self.snr(input.channels[0], output.channels[0]) > 5)
  }

  /// An empty codec list, levels outside 0…1, and recorded parameters that do not fit are refused.
  @Test func refusesBadSettings() throws {
    #expect(throws: AudioTransformError.self) { try Codec(codecs: []) }
    #expect(throws: AudioTransformError.self) { try Codec(compressionLevel: 0.5...1.2) }
    let input = try Self.speech()
    let good = try Self.parameters(.opus, level: 0.5, for: input)
    var badRate = good
    badRate.codecRate = 44_100
    var noLevel = good
    noLevel.compressionLevel = nil
    var negativeDelay = good
    negativeDelay.delayFrames = -1
    for parameters in [badRate, noLevel, negativeDelay] {
      #expect(throws: AudioTransformError.self) { try Codec().apply(parameters, to: input) }
    }
  }
}
