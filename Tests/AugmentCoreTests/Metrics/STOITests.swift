import Dispatch
import Foundation
import Synchronization
import Testing

@testable import AugmentCore

/// STOI's behaviour on synthetic speech: the properties Taal et al. 2011 build the measure on.
/// (Agreement with pystoi itself is in ``STOIReferenceTests``.)
@Suite struct STOITests {
  static let rate = 10_000
  static let clean = SyntheticSignals.speechLike(sampleRate: rate, seconds: 3, f0: 120)

  static func withWhiteNoise(snr: Double) -> [Float] {
    SyntheticSignals.mix(clean: clean, noise: SyntheticSignals.whiteNoise(count: clean.count, seed: 11), snr: snr)
  }

  @Test(arguments: [false, true])
  func aSignalAgainstItselfScoresOne(extended: Bool) throws {
    let score = try STOI.compute(clean: Self.clean, processed: Self.clean, sampleRate: Self.rate, extended: extended)
    #expect(abs(score - 1) < 1e-5)
  }

  @Test(arguments: [false, true])
  func scoreFallsAsNoiseRises(extended: Bool) throws {
    let snrs: [Double] = [20, 10, 5, 0, -5, -10, -20]
    let scores = try snrs.map {
      try STOI.compute(clean: Self.clean, processed: Self.withWhiteNoise(snr: $0), sampleRate: Self.rate, extended: extended)
    }
    for (louder, quieter) in zip(scores, scores.dropFirst()) {
      #expect(louder > quieter, "scores by SNR \(snrs): \(scores)")
    }
  }

  /// Four-voice babble 20 dB above the speech leaves it unintelligible (pystoi scores this pair 0.092).
  @Test func babbleTwentyDecibelsAboveTheSpeechScoresLow() throws {
    let babble = SyntheticSignals.babble(sampleRate: Self.rate, seconds: 3)
    let mixed = SyntheticSignals.mix(clean: Self.clean, noise: babble, snr: -20)
    let score = try STOI.compute(clean: Self.clean, processed: mixed, sampleRate: Self.rate)
    #expect(score < 0.2)
  }

  /// Each band of the processed signal is normalised to the clean band's energy, so overall gain does not matter.
  @Test(arguments: [false, true])
  func processedGainDoesNotChangeTheScore(extended: Bool) throws {
    let noisy = Self.withWhiteNoise(snr: 0)
    let reference = try STOI.compute(clean: Self.clean, processed: noisy, sampleRate: Self.rate, extended: extended)
    let quieter = try STOI.compute(
      clean: Self.clean, processed: noisy.map { $0 * 0.125 }, sampleRate: Self.rate, extended: extended)
    #expect(abs(quieter - reference) < 1e-5)
  }

  /// Frames where the clean signal is silent are dropped from both signals, whatever the processed one holds there.
  @Test func framesSilentInTheCleanSignalAreIgnored() throws {
    let noisy = Self.withWhiteNoise(snr: 5)
    let reference = try STOI.compute(clean: Self.clean, processed: noisy, sampleRate: Self.rate)
    let padding = 10 * STOI.hop
    let loudNoise = SyntheticSignals.whiteNoise(count: padding, seed: 3).map { $0 * 0.5 }
    let padded = try STOI.compute(
      clean: [Float](repeating: 0, count: padding) + Self.clean, processed: loudNoise + noisy, sampleRate: Self.rate)
    #expect(padded == reference)
  }

  /// Calls running at once on several threads, on clips of different lengths and rates, each get exactly
  /// the score the same call gets alone: no two share working memory.
  @Test func concurrentCallsGiveTheScoresOfSerialOnes() throws {
    let pairs = (0..<8).map { index -> (clean: [Float], processed: [Float], rate: Int) in
      let rate = index % 2 == 0 ? 16_000 : Self.rate
      let clean = SyntheticSignals.speechLike(sampleRate: rate, seconds: 1 + 0.25 * Double(index), f0: 110)
      let noise = SyntheticSignals.whiteNoise(count: clean.count, seed: UInt32(index + 1))
      return (clean, SyntheticSignals.mix(clean: clean, noise: noise, snr: Double(index) - 3), rate)
    }
    let serial = try pairs.map { try STOI.compute(clean: $0.clean, processed: $0.processed, sampleRate: $0.rate) }
    let mismatches = Mutex<[Int]>([])
    DispatchQueue.concurrentPerform(iterations: 64) { call in
      let pair = pairs[call % pairs.count]
      let score = try? STOI.compute(clean: pair.clean, processed: pair.processed, sampleRate: pair.rate)
      if score != serial[call % pairs.count] { mismatches.withLock { $0.append(call) } }
    }
    #expect(mismatches.withLock { $0 }.isEmpty)
  }

  @Test func differentLengthsAreRejected() {
    #expect(throws: STOI.Error.lengthMismatch(clean: Self.clean.count, processed: 100)) {
      try STOI.compute(clean: Self.clean, processed: Array(Self.clean.prefix(100)), sampleRate: Self.rate)
    }
  }

  @Test func aNonPositiveSampleRateIsRejected() {
    #expect(throws: STOI.Error.invalidSampleRate(0)) {
      try STOI.compute(clean: Self.clean, processed: Self.clean, sampleRate: 0)
    }
  }

  /// 30 STFT frames are needed. A steady 0.4 s tone at 10 kHz (4000 samples) gives 30 frames for silence
  /// removal (starts below 4000 − 256), all kept, overlap-added back to 29·128 + 256 = 3968 samples, which
  /// frame into 29 STFT frames: one short.
  @Test func tooLittleSpeechIsRejectedNamingTheFrameCount() throws {
    let tone = (0..<4000).map { Float(sin(Double($0) * 0.3)) }
    #expect(throws: STOI.Error.tooFewSpeechFrames(found: 29, required: 30)) {
      try STOI.compute(clean: tone, processed: tone, sampleRate: Self.rate)
    }
    #expect(throws: STOI.Error.tooFewSpeechFrames(found: 0, required: 30)) {
      try STOI.compute(clean: [], processed: [], sampleRate: 16_000)
    }
    let description = STOI.Error.tooFewSpeechFrames(found: 29, required: 30).description
    #expect(description.contains("29") && description.contains("longer clip"))
  }

  /// With 30 frames of speech or more, `measure` is STOI as published: `compute`'s value, 30-frame segments.
  @Test(arguments: [false, true])
  func measuringALongClipIsPublishedSTOI(extended: Bool) throws {
    let noisy = Self.withWhiteNoise(snr: 0)
    let measured = try STOI.measure(clean: Self.clean, processed: noisy, sampleRate: Self.rate, extended: extended)
    #expect(measured.segmentLength == 30)
    #expect(measured.value == (try STOI.compute(clean: Self.clean, processed: noisy, sampleRate: Self.rate, extended: extended)))
  }

  /// A 3 s clip with only 0.2 s of tone: 17 frames touch it and are kept, which leaves 16 STFT frames
  /// (pystoi's `remove_silent_frames` and `stft` give the same 16).
  @Test func mostlySilentClipsAreRejected() throws {
    var clip = [Float](repeating: 0, count: 30_000)
    for i in 10_000..<12_000 { clip[i] = Float(sin(Double(i) * 0.3)) }
    #expect(throws: STOI.Error.tooFewSpeechFrames(found: 16, required: 30)) {
      try STOI.compute(clean: clip, processed: clip, sampleRate: Self.rate)
    }
  }
}
