import AugmentCore
import Foundation
import MediaIO
import Synchronization
import Testing

@testable import AugmentPipeline

/// A slice run over keyword-length clips, one of which has too little speech for the clarity gate: that
/// source is given up after one candidate, never redrawn, and counted once by its reason.
@Suite struct UnusableSourceRunTests {
  /// Candidates are the source plus shipped babble at an SNR drawn from 10…20 dB, judged by the real
  /// STOI rule; the factory counts the candidates it is asked to judge per source.
  final class KeywordFactory: SampleFactory {
    func fileExtension(for media: AudioBuffer) -> String { "wav" }
    let clips: [String: AudioBuffer]
    let checklist = Checklist<AudioBuffer>(rules: [STOIRule(minimum: 0.6)])
    let judged = Mutex<[String: Int]>([:])

    init(clips: [String: AudioBuffer]) {
      self.clips = clips
    }

    func load(_ source: SourceExample) throws -> AudioBuffer { clips[source.path]! }

    func candidate(from original: AudioBuffer, using rng: inout Xoshiro256StarStar) throws -> (AudioBuffer, [AppliedTransform]) {
      let snr = Double.random(in: 10...20, using: &rng)
      return (try ShortClipClarityTests.withBabble(original, snr: snr), [try AppliedTransform(name: "babble", parameters: ["snr_db": snr])])
    }

    func check(_ candidate: AudioBuffer, against original: AudioBuffer, source: SourceExample, records: [AppliedTransform]) throws -> [Verdict] {
      judged.withLock { $0[source.path, default: 0] += 1 }
      return try checklist.evaluate(CandidateSample(source: source, original: original, candidate: candidate, records: records))
    }

    func write(_ media: AudioBuffer, to url: URL) throws {
      try AudioFile.write(media, to: url, as: .wavPCM16)
    }
  }

  /// `sparse.wav`: 0.4 s holding 60 ms of the keyword, the rest digital silence.
  static func sparse(_ keyword: AudioBuffer) -> AudioBuffer {
    var samples = [Float](repeating: 0, count: keyword.frameCount)
    let burst = keyword.sampleRate * 6 / 100, start = (samples.count - burst) / 2
    samples.replaceSubrange(start..<start + burst, with: keyword.channels[0][start..<start + burst])
    return AudioBuffer(mono: samples, sampleRate: keyword.sampleRate)
  }

  static func runner(paths: [String], clips: [String: AudioBuffer], count: Int, in folder: TemporaryFolder)
    -> SliceRunner<KeywordFactory>
  {
    let sources = paths.map { SourceExample(id: $0, path: $0, url: folder.file($0), label: "yes") }
    let settings = RunSettings(
      slice: "keyword", count: count, seed: 3, jobs: 1, redraws: 8, sourcesPerSample: 2, recipeHash: "test")
    return SliceRunner(
      factory: KeywordFactory(clips: clips), sources: sources, settings: settings,
      folder: OutputFolder(url: folder.url, shard: nil))
  }

  static let tooLittleSpeech = "too little speech for the clarity gate (under 10 STOI frames, 128 ms, after dropping silence)"

  /// Index 0 starts from the sparse clip: one candidate is judged there (not eight), one rejection is
  /// recorded for it, and the next source makes the sample.
  @Test func sourceWithTooLittleSpeechIsTriedOnceAndNeverRedrawn() throws {
    let folder = try TemporaryFolder()
    let keyword = try ShortClipClarityTests.keyword()
    let runner = Self.runner(
      paths: ["sparse.wav", "keyword.wav"], clips: ["sparse.wav": Self.sparse(keyword), "keyword.wav": keyword],
      count: 1, in: folder)
    let outcome = try runner.makeSample(0)
    #expect(runner.factory.judged.withLock { $0 } == ["sparse.wav": 1, "keyword.wav": 1])
    let sparseRejections = outcome.rejections.filter { $0.source == "sparse.wav" }
    #expect(sparseRejections.count == 1)
    #expect(sparseRejections.first?.failed == ["unusable-source"])
    #expect(sparseRejections.first?.reason.hasPrefix("stoi: \(Self.tooLittleSpeech): ") == true)
    #expect(outcome.skipped.map(\.source) == ["sparse.wav"] && outcome.skipped.first?.reason == Self.tooLittleSpeech)
    #expect(outcome.accepted?.source == "keyword.wav" && outcome.hadUsableSource)
  }

  /// Two sparse clips and one usable keyword, three samples asked, two sources per sample: index 0 has
  /// only sparse sources, so it is short of usable sources rather than failed by the checklist. Each
  /// sparse source is counted once under its reason, however many indices tried it, and each index
  /// judged it once.
  @Test func runCountsUnusableSourcesOnceByReasonAndSaysWhyFewerWereMade() throws {
    let folder = try TemporaryFolder()
    let keyword = try ShortClipClarityTests.keyword()
    let runner = Self.runner(
      paths: ["a-sparse.wav", "b-sparse.wav", "c-keyword.wav"],
      clips: ["a-sparse.wav": Self.sparse(keyword), "b-sparse.wav": Self.sparse(keyword), "c-keyword.wav": keyword],
      count: 3, in: folder)
    let summary = try runner.run(kept: .empty, resumed: false, notes: [], cancellation: CancellationFlag()) { _ in }
    #expect(summary.made == 2 && summary.failedIndices == [0])
    #expect(summary.indicesWithoutUsableSource == [0] && summary.isShortOfUsableSources && !summary.isComplete)
    #expect(summary.skippedByReason == [Self.tooLittleSpeech: 2])
    #expect(summary.rejectedByRule == ["unusable-source": 3])
    // Index 0 tries a-sparse and b-sparse, index 1 b-sparse then c-keyword, index 2 c-keyword.
    #expect(runner.factory.judged.withLock { $0 } == ["a-sparse.wav": 1, "b-sparse.wav": 2, "c-keyword.wav": 2])
    let written = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: folder.file("summary.json")))
    #expect(written.skippedByReason == summary.skippedByReason)
    #expect(written.indicesWithoutUsableSource == [0])
  }
}
