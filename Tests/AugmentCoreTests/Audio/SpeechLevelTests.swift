import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct SpeechLevelTests {
  /// A steady tone is active throughout but for the ≈ 24 ms the envelope takes to rise within 15.9 dB of
  /// it (two 30 ms smoothing stages), so its active level is its mean square, A²/2, plus ≈ 0.05 dB.
  @Test func steadyToneIsActiveAtItsMeanSquare() {
    let tone = ToneFit.tone(frequency: 1000, amplitude: 0.5, seconds: 2, sampleRate: 16_000)
    let measured = SpeechLevel.activeLevel(tone, sampleRate: 16_000)
    let excess = measured.levelDB - 10 * log10(0.125)
    #expect(excess > 0 && excess < 0.08, "\(excess) dB above A²/2")
    #expect(abs(measured.activity - (1 - 0.024 / 2)) < 0.003, "activity \(measured.activity)")
  }

  @Test func silenceHasNoActiveLevel() {
    let measured = SpeechLevel.activeLevel([Float](repeating: 0, count: 16_000), sampleRate: 16_000)
    #expect(measured.levelDB == -.infinity)
    #expect(measured.activity == 0)
    #expect(measured.meanSquare == 0)
  }

  /// A second of silence in front lowers the long-term RMS by 10·log10(4/3) ≈ 1.25 dB but leaves the
  /// active level where it was; only the activity factor falls.
  @Test func leadingSilenceLeavesActiveLevelUnchanged() {
    let speech = SpeechLikeSignal.make(seconds: 3, sampleRate: 16_000, seed: 11)
    let padded = [Float](repeating: 0, count: 16_000) + speech
    let plain = SpeechLevel.activeLevel(speech, sampleRate: 16_000)
    let withSilence = SpeechLevel.activeLevel(padded, sampleRate: 16_000)
    #expect(abs(plain.levelDB - withSilence.levelDB) < 0.01)
    #expect(abs(withSilence.activity / plain.activity - 0.75) < 0.01)
    let rmsDrop = 10 * log10(SignalMath.meanSquare(speech) / SignalMath.meanSquare(padded))
    #expect(abs(rmsDrop - 10 * log10(4.0 / 3.0)) < 0.01)
  }

  /// Speech with pauses: active level above the long-term level by exactly −10·log10(activity).
  @Test func activityRelatesActiveAndLongTermLevel() {
    let speech = SpeechLikeSignal.make(seconds: 4, sampleRate: 16_000, seed: 12)
    let measured = SpeechLevel.activeLevel(speech, sampleRate: 16_000)
    #expect((0.4...0.95).contains(measured.activity))
    let longTerm = 10 * log10(speech.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(speech.count))
    #expect(abs(measured.levelDB - longTerm + 10 * log10(measured.activity)) < 1e-9)
  }

  /// Agrees with a direct transcription of ITU-T G.191 `speech_voltmeter` (one comparison and hangover
  /// counter per threshold, bisection between the bracketing thresholds), run to a 1e-9 dB tolerance
  /// instead of the reference's 0.5 dB: within 1e-10 dB and 2e-11 in activity (measured: at most 1.5e-11
  /// and 2.7e-12).
  @Test(arguments: [(UInt64(21), 8_000), (22, 16_000), (23, 44_100)])
  func matchesReferenceVoltmeter(seed: UInt64, sampleRate: Int) {
    var speech = SpeechLikeSignal.make(seconds: 3, sampleRate: sampleRate, seed: seed, peak: 0.3)
    speech = [Float](repeating: 0, count: sampleRate / 2) + speech
    let ours = SpeechLevel.activeLevel(speech, sampleRate: sampleRate)
    let reference = Self.referenceVoltmeter(speech, sampleRate: sampleRate)
    #expect(abs(ours.levelDB - reference.levelDB) < 1e-10)
    #expect(abs(ours.activity - reference.activity) < 2e-11)
  }

  /// The active-sample counts equal the reference's per-threshold hangover counters exactly, sample for
  /// sample, whether blocks are stepped over or walked: on recorded speech (which has onsets, decays
  /// and pauses), on bursts that switch between loud and silent mid-block, and on lengths that leave a
  /// partial last block.
  @Test func activeCountsMatchTheReferenceCounters() throws {
    var signals: [(name: String, samples: [Float], sampleRate: Int)] = []
    for name in ["s001.wav", "s017.wav", "s042.wav"] {
      let url = ReferenceData.repositoryRoot.appendingPathComponent("samples/speech/clean/\(name)")
      let decoded = try AudioFile.read(from: url).buffer
      signals.append((name, decoded.channels[0], decoded.sampleRate))
    }
    var generator = Xoshiro256StarStar(seed: 9)
    let bursts = (0..<40_003).map { n -> Float in
      let loud = (n / 1_237) % 3 == 0
      return (loud ? 0.5 : 0.0004) * Float.random(in: -1...1, using: &generator)
    }
    signals.append(("bursts", bursts, 16_000))
    signals.append(("speech-like", SpeechLikeSignal.make(seconds: 2.3, sampleRate: 44_100, seed: 5, peak: 0.8), 44_100))
    for signal in signals {
      let reference = Self.referenceCounts(signal.samples, sampleRate: signal.sampleRate)
      #expect(SpeechLevel.activeCounts(signal.samples, sampleRate: signal.sampleRate).counts == reference, "\(signal.name)")
      let cut = Array(signal.samples.dropLast(5))
      #expect(SpeechLevel.activeCounts(cut, sampleRate: signal.sampleRate).counts == Self.referenceCounts(cut, sampleRate: signal.sampleRate))
    }
  }

  /// A steady level exactly at a threshold brings the envelope to within rounding of it, where
  /// stepping over blocks cannot decide which side it is on; the counts then come from walking every
  /// sample as the reference does, and still equal the reference's.
  @Test func envelopeAtAThresholdIsWalked() {
    let level = Float(SpeechLevel.threshold(10))
    let signal = (0..<48_000).map { $0.isMultiple(of: 2) ? level : -level }
    #expect(SpeechLevel.steppedCounts(signal, sampleRate: 16_000) == nil)
    #expect(SpeechLevel.activeCounts(signal, sampleRate: 16_000).counts == Self.referenceCounts(signal, sampleRate: 16_000))
  }

  /// The thresholds of ITU-T G.191 STL `sv-p56.c`: `c[j] = 2^(j−15)`, j = 0…14.
  static let referenceThresholds = (0..<15).map { pow(2.0, Double($0 - 15)) }

  /// The per-sample activity counters of ITU-T G.191 STL `sv-p56.c` (`speech_voltmeter`), transcribed:
  /// one comparison and one hangover counter per threshold at every sample.
  static func referenceCounts(_ x: [Float], sampleRate: Int) -> [Int] {
    let f = Double(sampleRate), c = referenceThresholds
    let hangover = Int((0.2 * f + 0.5).rounded(.down))
    let g = exp(-1 / (f * 0.03))
    var a = [Int](repeating: 0, count: c.count)
    var hang = [Int](repeating: hangover, count: c.count)
    var p = 0.0, q = 0.0
    for sample in x {
      p = g * p + (1 - g) * abs(Double(sample))
      q = g * q + (1 - g) * p
      for j in c.indices {
        if q >= c[j] {
          a[j] += 1
          hang[j] = 0
        }
        if q < c[j] && hang[j] < hangover {
          a[j] += 1
          hang[j] += 1
        }
      }
    }
    return a
  }

  /// ITU-T G.191 STL `sv-p56.c` (`init_speech_voltmeter`, `speech_voltmeter`, `bin_interp`), transcribed.
  static func referenceVoltmeter(_ x: [Float], sampleRate: Int) -> (levelDB: Double, activity: Double) {
    let thresholdCount = 15, margin = 15.9
    let c = referenceThresholds
    let a = referenceCounts(x, sampleRate: sampleRate)
    let sq = x.reduce(0.0) { $0 + Double($1) * Double($1) }
    let longTerm = 10 * log10(sq / Double(x.count))
    for j in 1..<thresholdCount where a[j] != 0 {
      let aDB = 10 * log10(sq / Double(a[j])), cDB = 20 * log10(c[j])
      guard aDB - cDB <= margin else { continue }
      var up = (count: aDB, threshold: cDB)
      var low = (count: 10 * log10(sq / Double(a[j - 1])), threshold: 20 * log10(c[j - 1]))
      var mid = ((up.count + low.count) / 2, (up.threshold + low.threshold) / 2)
      while abs(mid.0 - mid.1 - margin) > 1e-9 {
        if mid.0 - mid.1 - margin > 0 {
          low = (mid.0, mid.1)
        } else {
          up = (mid.0, mid.1)
        }
        mid = ((up.count + low.count) / 2, (up.threshold + low.threshold) / 2)
      }
      return (mid.0, pow(10, (longTerm - mid.0) / 10))
    }
    return (-.infinity, 0)
  }
}
