import Foundation
import Testing

@testable import MediaIO

/// Codec round trips in memory, checked against FFmpeg's decoders (Reference/make_codec_reference.py).
@Suite struct AudioCodecTests {
  struct ReferenceEntry: Decodable {
    var codec: String
    var file: String
    var ffmpegDecode: String
    var sampleRate: Int
    var compressionLevel: Double?
    var encodedBytes: Int
    var ffmpegFrames: Int
    var ffmpegSNRdB: Double
  }

  static let referenceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")
  static let entries: [ReferenceEntry] = {
    let data = try! Data(contentsOf: referenceFolder.appendingPathComponent("codec-reference.json"))
    return try! JSONDecoder().decode([ReferenceEntry].self, from: data)
  }()

  static func speech(_ name: String) throws -> AudioBuffer {
    let url = referenceFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("samples/speech/clean/\(name).wav")
    return try AudioFile.read(from: url).buffer
  }

  /// The signal the reference encoded: the 16 kHz clip, or every other sample of it at 8 kHz.
  static func referenceSignal(rate: Int) throws -> AudioBuffer {
    let clip = try speech("s001")
    guard rate == 8_000 else { return clip }
    let samples = clip.channels[0]
    return AudioBuffer(mono: stride(from: 0, to: samples.count, by: 2).map { samples[$0] }, sampleRate: 8_000)
  }

  /// 10·log10(Σ x² / Σ (x − y)²) over the shorter length.
  static func snr(_ x: [Float], _ y: [Float]) -> Double {
    var signal = 0.0, error = 0.0
    for n in 0..<min(x.count, y.count) {
      signal += Double(x[n]) * Double(x[n])
      error += (Double(x[n]) - Double(y[n])) * (Double(x[n]) - Double(y[n]))
    }
    return 10 * log10(signal / error)
  }

  static func entry(_ codec: AudioCodec) -> ReferenceEntry { entries.first { $0.codec == codec.rawValue }! }

  /// MediaIO decodes the reference encodings as FFmpeg does: G.711 and GSM 6.10 to exactly the same
  /// 16-bit levels (both implement the standards' integer arithmetic); MP3 (mpg123 against FFmpeg's
  /// mp3float) and Opus (libopus at 16 kHz against FFmpeg's own decoder at 48 kHz, brought to 16 kHz by
  /// the script) to within the agreement measured, with 10 dB (ten times the error power) of slack: the
  /// decoders agree to 77.6 dB SNR on MP3 and 37.1 dB on Opus.
  @Test(arguments: [(AudioCodec.gsm, Double.infinity), (.muLaw, .infinity), (.aLaw, .infinity), (.mp3, 67.6), (.opus, 27.1)])
  func decodesLikeFFmpeg(codec: AudioCodec, minimumAgreementDB: Double) throws {
    let entry = Self.entry(codec)
    let bytes = [UInt8](try Data(contentsOf: Self.referenceFolder.appendingPathComponent("codecs/\(entry.file)")))
    let decoded = try AudioFile.decode(bytes, name: entry.file).buffer
    let ffmpeg = try AudioFile.read(from: Self.referenceFolder.appendingPathComponent("codecs/\(entry.ffmpegDecode)")).buffer
    #expect(decoded.sampleRate == entry.sampleRate && decoded.frameCount == entry.ffmpegFrames)
    let agreement = Self.snr(ffmpeg.channels[0], decoded.channels[0])
    #expect(agreement >= minimumAgreementDB, "\(codec.rawValue): \(agreement) dB")
  }

  /// MediaIO's encoder, given the signal the reference encoded, loses as much as the reference encoding
  /// decoded by FFmpeg. G.711 and GSM 6.10 encode to the very bytes libsndfile wrote for the script, so
  /// the SNRs agree to the JSON's four decimals (5e-5 dB; checked to 5e-4 dB). The MP3 is the same size
  /// but not the same bytes as the wheel's LAME build wrote (0.003 dB; checked to 0.03 dB); the wheel
  /// bundles another libopus than Debian's 1.3.1 (18.88 dB here, 18.55 dB there; checked to 0.5 dB).
  @Test(arguments: AudioCodec.allCases)
  func roundTripMatchesTheReference(codec: AudioCodec) throws {
    let entry = Self.entry(codec)
    let signal = try Self.referenceSignal(rate: entry.sampleRate)
    let bytes = try codec.encode(signal, compressionLevel: entry.compressionLevel, name: "test")
    let decoded = try AudioFile.decode(bytes, name: "test").buffer
    #expect(decoded.frameCount == entry.ffmpegFrames)
    let snr = Self.snr(signal.channels[0], decoded.channels[0])
    let tolerance = codec == .opus ? 0.5 : codec == .mp3 ? 0.03 : 5e-4
    #expect(abs(snr - entry.ffmpegSNRdB) < tolerance, "\(codec.rawValue): \(snr) dB, FFmpeg \(entry.ffmpegSNRdB) dB")
    if !codec.takesCompressionLevel {
      let reference = [UInt8](try Data(contentsOf: Self.referenceFolder.appendingPathComponent("codecs/\(entry.file)")))
      let same = bytes == reference
      #expect(same, "\(codec.rawValue): \(bytes.count) bytes, the reference \(reference.count)")
    }
  }

  /// The same samples encode to the same bytes every time, except Opus, whose Ogg serial number
  /// libsndfile draws from the clock: its bytes differ, its decoded samples do not.
  @Test(arguments: AudioCodec.allCases)
  func encodingIsDeterministic(codec: AudioCodec) throws {
    let signal = try Self.referenceSignal(rate: codec == .opus || codec == .mp3 ? 16_000 : 8_000)
    let level: Double? = codec.takesCompressionLevel ? 0.7 : nil
    let first = try codec.encode(signal, compressionLevel: level, name: "first")
    let second = try codec.encode(signal, compressionLevel: level, name: "second")
    if codec == .opus {
      let (a, b) = (try AudioFile.decode(first, name: "first").buffer, try AudioFile.decode(second, name: "second").buffer)
      #expect(a == b)
      #expect(first.count == second.count)
    } else {
      #expect(first == second)
    }
  }

  /// Seven seconds of speech (five clips end to end) encode at the bitrate libsndfile's mapping of the
  /// level promises: MP3 (constant bitrate) within 3 % (its Xing/LAME header frame and the frames that
  /// flush the encoder add 2.0 %), GSM 6.10 and G.711 within 1 % (the WAV header), Opus, whose rate
  /// varies with the signal around its target, within 25 %.
  @Test(arguments: [
    (AudioCodec.mp3, Double?(0.2), 0.03), (.mp3, 0.5, 0.03), (.mp3, 0.9, 0.03), (.opus, 0.5, 0.25), (.opus, 0.9, 0.25),
    (.opus, 0.97, 0.25), (.gsm, nil, 0.01), (.muLaw, nil, 0.01), (.aLaw, nil, 0.01),
  ])
  func bitrateIsNearTheNominal(codec: AudioCodec, level: Double?, tolerance: Double) throws {
    var speech = try (1...5).flatMap { try Self.speech(String(format: "s%03d", $0)).channels[0] }
    let rate = codec.sampleRates.contains(16_000) ? 16_000 : 8_000
    if rate == 8_000 { speech = stride(from: 0, to: speech.count, by: 2).map { speech[$0] } }
    let signal = AudioBuffer(mono: speech, sampleRate: rate)
    let bytes = try codec.encode(signal, compressionLevel: level, name: "speech")
    let bitrate = Double(bytes.count * 8) / signal.duration
    let nominal = Double(codec.nominalBitrate(sampleRate: rate, channels: 1, compressionLevel: level ?? 0))
    #expect(abs(bitrate / nominal - 1) < tolerance, "\(codec.rawValue) at \(level ?? 0): \(bitrate) bit/s, nominal \(nominal)")
  }

  /// A rate the codec does not encode, a level out of 0…1, a level for a fixed-rate codec and none for
  /// one that needs it are each refused by name, before anything is encoded.
  @Test func refusesWhatTheCodecCannotTake() throws {
    let clip = try Self.speech("s001")
    let refusals: [(AudioCodec, AudioBuffer, Double?)] = [
      (.opus, AudioBuffer(mono: clip.channels[0], sampleRate: 44_100), 0.5), (.gsm, clip, nil), (.opus, clip, 1.5),
      (.mp3, clip, -0.1), (.muLaw, AudioBuffer(mono: clip.channels[0], sampleRate: 8_000), 0.5), (.mp3, clip, nil),
    ]
    for (codec, buffer, level) in refusals {
      #expect {
        _ = try codec.encode(buffer, compressionLevel: level, name: "clip")
      } throws: { error in
        guard case MediaError.unsupported(let path, _) = error else { return false }
        return path == "clip"
      }
    }
  }
}
