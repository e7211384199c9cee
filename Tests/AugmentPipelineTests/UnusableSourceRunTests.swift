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
    let checklist = Checklist<MeasuredAudio>(rules: [STOIRule(minimum: 0.6)])
    let judged = Mutex<[String: Int]>([:])

    init(clips: [String: AudioBuffer]) {
      self.clips = clips
    }

    func load(_ source: SourceExample) throws -> AudioBuffer { clips[source.path]! }

    func byteCount(of media: AudioBuffer) -> Int { media.frameCount * media.channels.count * 4 }

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
      factory: KeywordFactory(clips: clips), sources: sources,
      schedule: SourceSchedule(strata: paths.map { _ in "" }, sortKeys: paths, seed: 3), settings: settings,
      folder: OutputFolder(url: folder.url, shard: nil))
  }

  static let tooLittleSpeech = "too little speech for the clarity gate (under 10 STOI frames, 128 ms, after dropping silence)"

  /// The sample that starts from the sparse clip: one candidate is judged there (not eight), one rejection
  /// is recorded for it, and the next source makes the sample.
  @Test func sourceWithTooLittleSpeechIsTriedOnceAndNeverRedrawn() throws {
    let folder = try TemporaryFolder()
    let keyword = try ShortClipClarityTests.keyword()
    let runner = Self.runner(
      paths: ["sparse.wav", "keyword.wav"], clips: ["sparse.wav": Self.sparse(keyword), "keyword.wav": keyword],
      count: 2, in: folder)
    // Each epoch of two samples starts once from each source.
    let index = try #require((0..<2).first { runner.sources[runner.schedule.source(forSample: $0)].path == "sparse.wav" })
    let outcome = try runner.makeSample(index)
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
    // What each index tries, in the schedule's order, up to the keyword (whose first candidate passes).
    var judged: [String: Int] = [:]
    var failed: [Int] = []
    for index in 0..<3 {
      let tried = (0..<2).map { runner.sources[runner.schedule.source(forSample: index, try: $0)].path }
      let walked = tried.firstIndex(of: "c-keyword.wav").map { Array(tried[...$0]) } ?? tried
      for path in walked { judged[path, default: 0] += 1 }
      if !walked.contains("c-keyword.wav") { failed.append(index) }
    }
    let sparseTries = judged.filter { $0.key.hasSuffix("-sparse.wav") }.values.reduce(0, +)
    // The epoch starts once from each source, so one index meets only the two sparse clips.
    #expect(failed.count == 1 && sparseTries == 3)

    let summary = try runner.run(kept: .empty, resumed: false, notes: [], cancellation: CancellationFlag()) { _ in }
    #expect(summary.made == 2 && summary.failedIndices == failed)
    #expect(summary.indicesWithoutUsableSource == failed && summary.isShortOfUsableSources && !summary.isComplete)
    #expect(summary.skippedByReason == [Self.tooLittleSpeech: 2])
    #expect(summary.rejectedByRule == ["unusable-source": sparseTries])
    #expect(runner.factory.judged.withLock { $0 } == judged)
    let written = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: folder.file("summary.json")))
    #expect(written.skippedByReason == summary.skippedByReason)
    #expect(written.indicesWithoutUsableSource == failed)
  }
}
