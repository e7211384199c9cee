import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// STOI and extended STOI against pystoi 0.4.1 (the reference implementation of Taal et al. 2011 and
/// Jensen & Taal 2016), on pairs rebuilt from the inputs `Reference/make-stoi-reference.py` used.
@Suite struct STOIReferenceTests {
  let reference: STOIReference

  init() throws {
    reference = try STOIReference.load()
  }

  @Test func thirdOctaveBandsMatchPystoi() {
    let bands = STOI.bands
    let ranges = (0..<bands.count).map { [bands.edges[$0], bands.edges[$0 + 1]] }
    #expect(ranges == reference.thirdOctaveBands)
  }

  /// At 10 kHz neither side resamples, so what differs is single against double precision
  /// (measured: at most 1.8e-8).
  @Test func syntheticPairsAtTenKilohertzAgreeWithPystoi() throws {
    try expectAgreement(at: 10_000, within: 1e-7)
  }

  /// At 16 kHz both sides resample, each with its own polyphase filter (measured: at most 2.1e-5).
  @Test func syntheticPairsAtSixteenKilohertzAgreeWithPystoi() throws {
    try expectAgreement(at: 16_000, within: 1e-4)
  }

  /// Shipped utterances with shipped noise clips at −5…10 dB, read through MediaIO like any input.
  /// The checklist requires agreement within 0.01; measured: at most 6.2e-5 (extended), 3.8e-5 (standard).
  @Test func shippedSamplePairsAgreeWithPystoi() throws {
    try #require(reference.samples.count >= 12)
    for pair in reference.samples {
      let clean = try Self.readMono(pair.clean)
      let noise = try Self.readMono(pair.noise)
      try #require(clean.sampleRate == pair.sampleRate && noise.sampleRate == pair.sampleRate)
      let noisy = SyntheticSignals.mix(clean: clean.samples, noise: noise.samples, snr: pair.snr)
      let ours = try STOI.compute(
        clean: clean.samples, processed: noisy, sampleRate: pair.sampleRate, extended: pair.extended)
      #expect(
        abs(ours - pair.stoi) <= 3e-4,
        "\(pair.clean) + \(pair.noise) at \(pair.snr) dB\(pair.extended ? ", extended" : ""): \(ours) against pystoi's \(pair.stoi)")
    }
  }

  private static func readMono(_ path: String) throws -> (samples: [Float], sampleRate: Int) {
    let buffer = try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent(path)).buffer
    try #require(buffer.channelCount == 1, "\(path) should be mono")
    return (buffer.channels[0], buffer.sampleRate)
  }

  private func expectAgreement(at rate: Int, within tolerance: Double) throws {
    let pairs = reference.synthetic.filter { $0.sampleRate == rate }
    try #require(pairs.count >= 8)
    let seconds = try #require(Set(pairs.map(\.seconds)).first)
    let f0 = try #require(Set(pairs.map(\.f0)).first)
    let clean = SyntheticSignals.speechLike(sampleRate: rate, seconds: seconds, f0: f0)
    let babble = SyntheticSignals.babble(sampleRate: rate, seconds: seconds)
    for pair in pairs {
      #expect(pair.seconds == seconds && pair.f0 == f0)
      let noise =
        if let seed = pair.noise.seed { SyntheticSignals.whiteNoise(count: clean.count, seed: seed) } else { babble }
      let noisy = SyntheticSignals.mix(clean: clean, noise: noise, snr: pair.snr)
      let ours = try STOI.compute(clean: clean, processed: noisy, sampleRate: rate, extended: pair.extended)
      #expect(
        abs(ours - pair.stoi) <= tolerance,
        "\(pair.noise.kind) at \(pair.snr) dB\(pair.extended ? ", extended" : ""): \(ours) against pystoi's \(pair.stoi)")
    }
  }
}
