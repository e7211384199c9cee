import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// WADA-SNR against the reference implementation (`Reference/make-wada-snr-reference.py`), and the
/// accuracy Kim & Stern 2008 claim for speech in white Gaussian noise, measured on the shipped utterances.
@Suite struct WADASNRTests {
  static func readMono(_ path: String) throws -> [Float] {
    let buffer = try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent(path)).buffer
    try #require(buffer.channelCount == 1, "\(path) should be mono")
    return buffer.channels[0]
  }

  static let utterances = (1...12).map { String(format: "samples/speech/clean/s%03d.wav", $0) }

  @Test func tableIsTheReferenceTable() throws {
    let reference = try WADASNRReference.load()
    #expect(WADASNR.table == reference.table.g)
    #expect(reference.table.db == Array(-20...100))
  }

  @Test func agreesWithTheReferenceImplementation() throws {
    let reference = try WADASNRReference.load()
    try #require(reference.entries.count >= 50)
    for entry in reference.entries {
      var signal = try Self.readMono(entry.path)
      if let snr = entry.snr, let seed = entry.noiseSeed {
        signal = SyntheticSignals.mix(
          clean: signal, noise: SyntheticSignals.gaussianNoise(count: signal.count, seed: seed), snr: snr)
      }
      let ours = WADASNR.estimate(signal)
      // Measured: at most 1e-10 dB apart.
      #expect(abs(ours - entry.estimate) <= 1e-9, "\(entry.path) at \(entry.snr.map { "\($0) dB" } ?? "as shipped")")
    }
  }

  /// Kim & Stern's claim: with white Gaussian noise added to speech at a known SNR, the estimate recovers it.
  /// Measured on the twelve utterances (error = estimate − true SNR): at 0 dB −0.83…+1.61 (mean +0.69),
  /// at 5 dB +0.02…+1.76 (mean +0.95), at 10 dB +0.20…+2.31 (mean +1.34), at 20 dB +0.50…+8.39 (mean +4.13).
  /// The espeak-ng voices are peakier than the gamma model of speech, so high SNRs read high; the estimate
  /// still rises with the SNR for every utterance, which is what comparing clips against each other needs.
  @Test func recoversTheSNROfSpeechInGaussianNoise() throws {
    let snrs: [Double] = [0, 5, 10, 20]
    // (largest |error| of any utterance, largest |mean error|) per SNR, in dB.
    let tolerances: [(single: Double, mean: Double)] = [(2.5, 1.5), (2.5, 1.5), (2.5, 1.5), (9, 5)]
    var errors = [[Double]](repeating: [], count: snrs.count)
    for (index, path) in Self.utterances.enumerated() {
      let clean = try Self.readMono(path)
      let noise = SyntheticSignals.gaussianNoise(count: clean.count, seed: 7_000 + UInt32(index))
      let estimates = snrs.map { WADASNR.estimate(SyntheticSignals.mix(clean: clean, noise: noise, snr: $0)) }
      for (k, snr) in snrs.enumerated() { errors[k].append(estimates[k] - snr) }
      #expect(zip(estimates, estimates.dropFirst()).allSatisfy { $0 < $1 }, "\(path): \(estimates)")
    }
    for (k, snr) in snrs.enumerated() {
      let mean = errors[k].reduce(0, +) / Double(errors[k].count)
      #expect(errors[k].allSatisfy { abs($0) <= tolerances[k].single }, "at \(snr) dB: \(errors[k])")
      #expect(abs(mean) <= tolerances[k].mean, "at \(snr) dB the mean error is \(mean)")
    }
  }

  /// Outside −20…100 dB the estimate is clamped: the espeak-ng utterances have digital silence between words
  /// (|z| at the 1e-10 floor), far from any noise, and read as 100 dB; pure Gaussian noise, whose statistic
  /// lies at the table's flat bottom, reads −20 dB or close above it.
  @Test func clampsAtTheEndsOfTheTable() throws {
    #expect(WADASNR.estimate(try Self.readMono(Self.utterances[0])) == 100)
    for seed in UInt32(1)...5 {
      let estimate = WADASNR.estimate(SyntheticSignals.gaussianNoise(count: 30_000, seed: seed))
      #expect((-20 ... -10).contains(estimate), "noise seed \(seed): \(estimate)")
    }
    #expect(WADASNR.snr(forStatistic: 0.3) == -20)
    #expect(WADASNR.snr(forStatistic: 1.7) == 100)
  }

  /// A statistic halfway between the entries for 20 and 21 dB reads 20.5 dB; between 0 and 1 dB, 0.25 of the way, 0.25 dB.
  @Test func interpolatesBetweenTableEntries() {
    let table = WADASNR.table
    #expect(abs(WADASNR.snr(forStatistic: (table[40] + table[41]) / 2) - 20.5) < 1e-9)
    #expect(abs(WADASNR.snr(forStatistic: table[20] + 0.25 * (table[21] - table[20])) - 0.25) < 1e-9)
  }

  @Test func silenceReadsAsTheFloor() {
    #expect(WADASNR.estimate([]) == -20)
    #expect(WADASNR.estimate([Float](repeating: 0, count: 1000)) == -20)
  }

  /// The signal is peak-normalised first, so its level does not matter.
  @Test func levelDoesNotMatter() throws {
    let clean = try Self.readMono(Self.utterances[1])
    let noisy = SyntheticSignals.mix(
      clean: clean, noise: SyntheticSignals.gaussianNoise(count: clean.count, seed: 5), snr: 10)
    #expect(abs(WADASNR.estimate(noisy) - WADASNR.estimate(noisy.map { $0 * 0.05 })) < 1e-5)
  }
}
