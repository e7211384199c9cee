import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// Loudness of clips shorter than one 400 ms BS.1770 block, measured over one block spanning the clip.
@Suite struct LoudnessShortClipTests {
  struct Reference: Decodable {
    struct Clip: Decodable {
      var kind: String
      var path: String?
      var start: Int?
      var step: Int?
      var tones: [[Double]]?
      var frames: Int
      var sampleRate: Int
      var channels: Int
      /// `nil` for a clip under the absolute gate.
      var lufs: Double?
    }
    var generator: String
    var clips: [Clip]
  }

  /// The clip a reference entry describes, built as `make-loudness-short-reference.py` builds it.
  static func audio(_ clip: Reference.Clip) throws -> AudioBuffer {
    if clip.kind == "tones" {
      let tones = try #require(clip.tones)
      let samples = (0..<clip.frames).map { n in
        Float(tones.reduce(0.0) { $0 + $1[1] * sin(2 * Double.pi * $1[0] * Double(n) / Double(clip.sampleRate)) })
      }
      return AudioBuffer(mono: samples, sampleRate: clip.sampleRate)
    }
    let path = try #require(clip.path), start = try #require(clip.start), step = try #require(clip.step)
    let file = try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent(path)).buffer
    let channels = file.channels.map { channel in
      stride(from: start, to: start + clip.frames * step, by: step).map { channel[$0] }
    }
    return AudioBuffer(channels: channels, sampleRate: file.sampleRate / step)
  }

  /// Speech cuts at 16 and 8 kHz, 44.1 kHz stereo noise and two-tone clips at 8, 16 and 44.1 kHz, 0.2–0.39 s
  /// long, agree with pyloudnorm's `Meter(rate, block_size=duration)` within 5e-13 LU (measured: at most
  /// 6.2e-14), and are reported as the single-block form; a clip under the absolute gate reads −∞ in both.
  @Test func matchesPyloudnormWithTheBlockSetToTheClip() throws {
    let reference = try ReferenceData.load(Reference.self, "loudness-short-reference.json")
    #expect(reference.generator.hasPrefix("pyloudnorm") && reference.generator.contains("block_size=duration"))
    #expect(Set(reference.clips.map(\.sampleRate)) == [8000, 16000, 44100])
    #expect(reference.clips.contains { $0.channels == 2 } && reference.clips.contains { $0.lufs == nil })
    for clip in reference.clips {
      let audio = try Self.audio(clip)
      #expect(audio.frameCount == clip.frames && audio.sampleRate == clip.sampleRate && audio.channelCount == clip.channels)
      #expect(audio.duration >= 0.2 && audio.duration < Loudness.blockDuration)
      let measured = try Loudness.measure(audio)
      #expect(measured.form == .singleBlock)
      guard let expected = clip.lufs else {
        #expect(measured.value == -.infinity, "\(clip.tones ?? [])")
        continue
      }
      #expect(abs(measured.value - expected) <= 5e-13, "\(clip.path ?? "tones") at \(clip.sampleRate) Hz: \(measured.value), pyloudnorm \(expected)")
    }
  }

  /// From one 400 ms block on, the measure is BS.1770's integrated loudness, and says so.
  @Test func aClipOfOneBlockOrMoreIsMeasuredAsPublished() throws {
    let tone = ToneFit.tone(frequency: 997, amplitude: 0.25, seconds: 0.4, sampleRate: 16_000)
    let measured = try Loudness.measure(AudioBuffer(mono: tone, sampleRate: 16_000))
    #expect(measured.form == .integrated && measured.form.rawValue == "bs1770")
    #expect(measured.value == (try Loudness.integrated(AudioBuffer(mono: tone, sampleRate: 16_000))))
    // One frame short of a block: the single-block form, which over a steady tone reads within 0.01 LU.
    let short = try Loudness.measure(AudioBuffer(mono: Array(tone.dropLast()), sampleRate: 16_000))
    #expect(short.form == .singleBlock && short.form.rawValue == "bs1770-single-block")
    #expect(abs(short.value - measured.value) < 0.01 && short.value != measured.value)
  }

  /// Under 0.1 s there is no measure: 0.099 s throws, 0.1 s reads, at 8 kHz as at 44.1 kHz.
  @Test func refusesClipsUnderOneHop() throws {
    for rate in [8000, 44_100] {
      let frames = rate / 10
      let tone = ToneFit.tone(frequency: 500, amplitude: 0.1, seconds: 0.1, sampleRate: rate)
      #expect(tone.count == frames)
      #expect(try Loudness.measure(AudioBuffer(mono: tone, sampleRate: rate)).value.isFinite)
      let shorter = AudioBuffer(mono: Array(tone.prefix(frames - rate / 1000)), sampleRate: rate)
      #expect(throws: Loudness.Error.tooShort(duration: shorter.duration, minimum: 0.1)) {
        _ = try Loudness.measure(shorter)
      }
    }
    #expect(throws: Loudness.Error.tooShort(duration: 0, minimum: 0.1)) {
      _ = try Loudness.measure(AudioBuffer(mono: [], sampleRate: 16_000))
    }
  }

  /// Normalisation uses the same measure: a 0.3 s keyword lands on its target, read back single-block.
  @Test func normalisationReachesTheTargetOnAShortClip() throws {
    let speech = SpeechLikeSignal.make(seconds: 0.3, sampleRate: 8000, seed: 7, peak: 0.2)
    let input = AudioBuffer(mono: speech, sampleRate: 8000)
    var rng = Xoshiro256StarStar(seed: 2)
    let (output, record) = try LoudnessNormalization(targetLUFS: -26 ... -20)(input, using: &rng)
    let parameters = try record.decodeParameters(LoudnessNormalization.Parameters.self)
    let measured = try Loudness.measure(output)
    #expect(measured.form == .singleBlock && !parameters.peakLimited)
    #expect(abs(measured.value - parameters.targetLUFS) < 1e-4, "\(measured.value) vs \(parameters.targetLUFS)")
  }
}
