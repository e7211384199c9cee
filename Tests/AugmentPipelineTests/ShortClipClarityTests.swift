import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// The clarity gate on keyword-length clips: 0.4 s of a shipped utterance, mixed with shipped babble.
@Suite struct ShortClipClarityTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The loudest 0.4 s of `samples/speech/clean/s001.wav` (16 kHz): a keyword's worth of speech.
  static func keyword() throws -> AudioBuffer {
    let utterance = try AudioFile.read(from: root.appendingPathComponent("samples/speech/clean/s001.wav")).buffer
    let samples = utterance.channels[0], count = utterance.sampleRate * 2 / 5
    var energy = [Double](repeating: 0, count: samples.count + 1)
    for (i, x) in samples.enumerated() { energy[i + 1] = energy[i] + Double(x) * Double(x) }
    let start = stride(from: 0, through: samples.count - count, by: 160).max { energy[$0 + count] - energy[$0] < energy[$1 + count] - energy[$1] }!
    return AudioBuffer(mono: Array(samples[start..<start + count]), sampleRate: utterance.sampleRate)
  }

  /// `clean` plus the head of the shipped `people-01.wav` babble at `snr` dB (plain RMS over the clip).
  static func withBabble(_ clean: AudioBuffer, snr: Double) throws -> AudioBuffer {
    let noise = try AudioFile.read(from: root.appendingPathComponent("noise-banks/people/people-01.wav")).buffer.channels[0]
    let speech = clean.channels[0]
    let speechEnergy = speech.reduce(0) { $0 + Double($1) * Double($1) }
    let noiseEnergy = noise.prefix(speech.count).reduce(0) { $0 + Double($1) * Double($1) }
    let gain = (speechEnergy / noiseEnergy).squareRoot() * pow(10, -snr / 20)
    return AudioBuffer(mono: zip(speech, noise).map { Float(Double($0) + gain * Double($1)) }, sampleRate: clean.sampleRate)
  }

  static func judge(_ candidate: AudioBuffer, against original: AudioBuffer) throws -> Verdict {
    let source = SourceExample(id: "k", path: "keyword.wav", url: URL(fileURLWithPath: "/keyword.wav"), label: "yes")
    return try STOIRule(minimum: 0.6).evaluate(
      CandidateSample(source: source, original: original, candidate: candidate, records: []))
  }

  /// Babble 15 dB below a 0.4 s keyword leaves it clear: scored over the frames it has (fewer than 30),
  /// the measure named in the verdict, and the verdict says it is within bounds.
  @Test func keywordUnderLightBabblePassesOverAShortSegment() throws {
    let keyword = try Self.keyword()
    let verdict = try Self.judge(try Self.withBabble(keyword, snr: 15), against: keyword)
    #expect(verdict.passed, "\(verdict.reason)")
    let frames = try #require(verdict.measure.flatMap { Int($0.dropFirst("stoi-n".count)) })
    #expect(frames >= STOI.shortestSegmentLength && frames < STOI.standardSegmentLength)
    #expect(verdict.reason.hasPrefix("STOI over \(frames) frames (short clip)") && verdict.reason.hasSuffix("within bounds"))
    #expect(verdict.value > 0.8)
  }

  /// Babble 10 dB above the same keyword buries it: the gate rejects it for clarity, saying so.
  @Test func keywordUnderHeavyBabbleFailsForClarity() throws {
    let keyword = try Self.keyword()
    let verdict = try Self.judge(try Self.withBabble(keyword, snr: -10), against: keyword)
    #expect(!verdict.passed)
    #expect(verdict.value < 0.6)
    #expect(verdict.reason.contains("is below 0.6: the speech is no longer clearly intelligible against its source"))
  }

  /// 0.4 s holding only 60 ms of speech cannot be scored whatever the mix: the rule says the source is
  /// unusable, with a reason that is the same for every such source and the frames this one has.
  @Test func keywordWithTooLittleSpeechMakesTheSourceUnusable() throws {
    let keyword = try Self.keyword()
    var samples = [Float](repeating: 0, count: keyword.frameCount)
    let burst = keyword.sampleRate * 6 / 100, start = (samples.count - burst) / 2
    samples.replaceSubrange(start..<start + burst, with: keyword.channels[0][start..<start + burst])
    let sparse = AudioBuffer(mono: samples, sampleRate: keyword.sampleRate)
    for snr in [30.0, -10] {
      do {
        let verdict = try Self.judge(try Self.withBabble(sparse, snr: snr), against: sparse)
        Issue.record("judged anyway: \(verdict.reason)")
      } catch let unusable as SourceUnusable {
        #expect(unusable.rule == "stoi")
        #expect(unusable.reason == "too little speech for the clarity gate (under 10 STOI frames, 128 ms, after dropping silence)")
        let frames = try #require(Int(unusable.detail.prefix { $0.isNumber }))
        #expect(frames < STOI.shortestSegmentLength && unusable.detail.hasSuffix("frames of speech"))
      }
    }
  }
}
