import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// The clarity gate on keyword-length clips: 0.4 s of a shipped utterance, mixed with shipped babble.
@Suite struct ShortClipClarityTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The loudest `seconds` of `samples/speech/clean/s001.wav` (16 kHz): a keyword's worth of speech.
  static func keyword(seconds: Double = 0.4) throws -> AudioBuffer {
    let utterance = try AudioFile.read(from: root.appendingPathComponent("samples/speech/clean/s001.wav")).buffer
    let samples = utterance.channels[0], count = Int((seconds * Double(utterance.sampleRate)).rounded())
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

  /// The loudness range of the shipped clean utterances (1–3 s, integrated as published), widened by 3 LU.
  static func cleanLoudnessRange() throws -> ParameterRange {
    let levels = try (1...12).map { index in
      let url = root.appendingPathComponent(String(format: "samples/speech/clean/s%03d.wav", index))
      return try Loudness.measure(try AudioFile.read(from: url).buffer)
    }
    #expect(levels.allSatisfy { $0.form == .integrated })
    return try #require(MeasuredRange(levels.map(\.value))).widened(by: 3)
  }

  /// A 0.3 s keyword under babble 15 dB down passes both clarity and loudness, its loudness measured over
  /// one block spanning it and compared with the utterances' range; 20 dB quieter, the same mix fails
  /// for loudness alone, so the single-block measure still gates.
  @Test func shortKeywordUnderLightBabblePassesClarityAndLoudness() throws {
    let keyword = try Self.keyword(seconds: 0.3)
    #expect(keyword.frameCount == 4800)
    let mix = try Self.withBabble(keyword, snr: 15)
    let clarity = try Self.judge(mix, against: keyword)
    #expect(clarity.passed, "\(clarity.reason)")
    let source = SourceExample(id: "k", path: "keyword.wav", url: URL(fileURLWithPath: "/keyword.wav"), label: "yes")
    let rule = LoudnessRule(range: try Self.cleanLoudnessRange())
    let loudness = try rule.evaluate(CandidateSample(source: source, original: keyword, candidate: mix, records: []))
    #expect(loudness.passed, "\(loudness.reason)")
    #expect(loudness.measure == "bs1770-single-block")
    #expect(loudness.reason.hasPrefix("loudness in LUFS over one block (short clip)"))
    let quiet = AudioBuffer(mono: mix.channels[0].map { $0 / 10 }, sampleRate: mix.sampleRate)
    let tooQuiet = try rule.evaluate(CandidateSample(source: source, original: keyword, candidate: quiet, records: []))
    #expect(!tooQuiet.passed && abs(tooQuiet.value - (loudness.value - 20)) < 1e-5)  // Float rounding of the samples
    #expect(try Self.judge(quiet, against: keyword).passed)
  }

  /// Under 0.1 s a clip has no loudness, whatever is drawn: the rule says the source is unusable.
  @Test func clipUnderOneHopIsUnusableForLoudness() throws {
    let keyword = try Self.keyword(seconds: 0.09)
    let source = SourceExample(id: "k", path: "keyword.wav", url: URL(fileURLWithPath: "/keyword.wav"), label: "yes")
    #expect(throws: SourceUnusable(
      rule: "loudness-lufs", reason: "shorter than 0.1 s, the shortest clip loudness is measured on", detail: "0.09 s")
    ) {
      _ = try LoudnessRule(range: ParameterRange(-40, -10)).evaluate(
        CandidateSample(source: source, original: keyword, candidate: keyword, records: []))
    }
  }
}
