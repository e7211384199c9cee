import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// STOI on clips with less than 384 ms of speech against pystoi 0.4.1 with its segment length `N` set to
/// the frames of speech each clip has (`Reference/make-stoi-short-reference.py`).
@Suite struct STOIShortReferenceTests {
  let reference: STOIShortReference

  init() throws {
    reference = try STOIShortReference.load()
  }

  @Test func shortestSegmentIsTheOneTheReferenceUsed() {
    #expect(STOI.shortestSegmentLength == reference.shortestSegmentLength)
  }

  /// 0.4 s and 0.25 s speech-like clips at 8, 10 and 16 kHz: the same frames of speech, the same segment
  /// length, the same score (measured: at most 2.4e-7 at 8 and 10 kHz, 5.3e-5 at 16 kHz, where the
  /// resampling filters differ).
  @Test func syntheticShortClipsAgreeWithPystoi() throws {
    try #require(reference.synthetic.count >= 20)
    #expect(Set(reference.synthetic.map(\.segmentLength)).count >= 2)
    for pair in reference.synthetic {
      let clean = SyntheticSignals.speechLike(
        sampleRate: pair.sampleRate, seconds: pair.seconds, f0: pair.f0, lead: pair.lead)
      let noise =
        if let seed = pair.noise.seed {
          SyntheticSignals.whiteNoise(count: clean.count, seed: seed)
        } else {
          SyntheticSignals.babble(sampleRate: pair.sampleRate, seconds: pair.seconds)
        }
      let noisy = SyntheticSignals.mix(clean: clean, noise: noise, snr: pair.snr)
      let ours = try STOI.measure(clean: clean, processed: noisy, sampleRate: pair.sampleRate, extended: pair.extended)
      let label = "\(pair.seconds) s at \(pair.sampleRate) Hz, \(pair.noise.kind) at \(pair.snr) dB\(pair.extended ? ", extended" : "")"
      #expect(ours.segmentLength == pair.segmentLength, "\(label)")
      let tolerance = pair.sampleRate <= STOI.sampleRate ? 1e-6 : 2e-4
      #expect(abs(ours.value - pair.stoi) <= tolerance, "\(label): \(ours.value) against pystoi's \(pair.stoi)")
    }
  }

  /// 0.3–0.5 s cut from shipped utterances where they are loudest, read through MediaIO, with shipped
  /// noise: keyword-length clips; the 0.5 s cuts have 30 frames or more and use the published segment.
  /// Measured: at most 4.7e-4 (a 0.5 s cut has few segments to average the resamplers' difference over).
  @Test func shippedShortCutsAgreeWithPystoi() throws {
    try #require(reference.samples.count >= 12)
    #expect(reference.samples.contains { $0.segmentLength == STOI.standardSegmentLength })
    #expect(reference.samples.contains { $0.segmentLength < STOI.standardSegmentLength })
    for pair in reference.samples {
      let utterance = try Self.readMono(pair.clean)
      let noise = try Self.readMono(pair.noise)
      let clean = Array(utterance[pair.start..<pair.start + pair.count])
      let noisy = SyntheticSignals.mix(clean: clean, noise: Array(noise.prefix(pair.count)), snr: pair.snr)
      let ours = try STOI.measure(clean: clean, processed: noisy, sampleRate: pair.sampleRate)
      let label = "\(pair.count) samples of \(pair.clean) + \(pair.noise) at \(pair.snr) dB"
      #expect(ours.segmentLength == pair.segmentLength, "\(label)")
      #expect(abs(ours.value - pair.stoi) <= 2e-3, "\(label): \(ours.value) against pystoi's \(pair.stoi)")
    }
  }

  /// Clips with fewer frames of speech than the shortest segment are refused with pystoi's frame count.
  @Test func tooLittleSpeechIsRefusedWithTheReferenceFrameCount() throws {
    try #require(!reference.tooShort.isEmpty)
    for clip in reference.tooShort {
      let clean = SyntheticSignals.speechLike(sampleRate: clip.sampleRate, seconds: clip.seconds, f0: clip.f0, lead: clip.lead)
      #expect(throws: STOI.Error.tooFewSpeechFrames(found: clip.frames, required: STOI.shortestSegmentLength)) {
        try STOI.measure(clean: clean, processed: clean, sampleRate: clip.sampleRate)
      }
    }
  }

  private static func readMono(_ path: String) throws -> [Float] {
    let buffer = try AudioFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent(path)).buffer
    try #require(buffer.channelCount == 1, "\(path) should be mono")
    return buffer.channels[0]
  }
}
