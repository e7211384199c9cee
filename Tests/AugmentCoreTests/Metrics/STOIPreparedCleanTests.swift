import Foundation
import Testing

@testable import AugmentCore

/// A clean signal prepared once as an ``STOI/Reference`` scores every processed version of it exactly as
/// scoring the two signals afresh does, in whatever order, at 10 and 16 kHz and for clips too short for
/// 30-frame segments.
@Suite struct STOIPreparedCleanTests {
  @Test(arguments: [10_000, 16_000])
  func oneReferenceScoresEachVersionAsAFreshComparison(rate: Int) throws {
    let clean = SyntheticSignals.speechLike(sampleRate: rate, seconds: 2, f0: 140)
    let noise = SyntheticSignals.whiteNoise(count: clean.count, seed: 5)
    let versions = [15.0, 0, -10].map { SyntheticSignals.mix(clean: clean, noise: noise, snr: $0) } + [clean]
    let reference = try STOI.Reference(clean: clean, sampleRate: rate)
    // Twice over, so a reference that kept anything of an earlier version would show.
    for processed in versions + versions.reversed() {
      let fresh = try STOI.measure(clean: clean, processed: processed, sampleRate: rate)
      #expect(try STOI.measure(reference, processed: processed) == fresh)
      let extended = try STOI.measure(clean: clean, processed: processed, sampleRate: rate, extended: true)
      #expect(try STOI.measure(reference, processed: processed, extended: true) == extended)
    }
  }

  /// A 0.3 s keyword has fewer than 30 frames of speech: the prepared reference scores it over its frames.
  @Test func aShortClipIsScoredOverTheFramesItHas() throws {
    let keyword = SyntheticSignals.speechLike(sampleRate: 16_000, seconds: 0.3, f0: 200, lead: 0.02)
    let noisy = SyntheticSignals.mix(
      clean: keyword, noise: SyntheticSignals.whiteNoise(count: keyword.count, seed: 9), snr: 5)
    let measured = try STOI.measure(STOI.Reference(clean: keyword, sampleRate: 16_000), processed: noisy)
    #expect(measured.segmentLength < STOI.standardSegmentLength)
    #expect(measured == (try STOI.measure(clean: keyword, processed: noisy, sampleRate: 16_000)))
  }

  @Test func aReferenceRefusesWhatItCannotScore() throws {
    #expect(throws: STOI.Error.invalidSampleRate(0)) { try STOI.Reference(clean: [0.1, 0.2], sampleRate: 0) }
    let clean = SyntheticSignals.speechLike(sampleRate: 10_000, seconds: 1, f0: 120)
    let reference = try STOI.Reference(clean: clean, sampleRate: 10_000)
    #expect(throws: STOI.Error.lengthMismatch(clean: clean.count, processed: 5)) {
      try STOI.measure(reference, processed: [Float](repeating: 0, count: 5))
    }
    // 50 ms of tone in a second of silence: about five frames of speech, fewer than any segment.
    var blip = [Float](repeating: 0, count: 10_000)
    for i in 5000..<5500 { blip[i] = Float(sin(Double(i) * 0.3)) }
    let expected = #expect(throws: STOI.Error.self) {
      try STOI.measure(clean: blip, processed: blip, sampleRate: 10_000)
    }
    #expect(throws: try #require(expected)) {
      try STOI.measure(STOI.Reference(clean: blip, sampleRate: 10_000), processed: blip)
    }
    guard case .tooFewSpeechFrames(let found, STOI.shortestSegmentLength)? = expected else {
      Issue.record("expected too few speech frames, got \(String(describing: expected))")
      return
    }
    #expect(found > 0 && found < STOI.shortestSegmentLength)
  }
}
