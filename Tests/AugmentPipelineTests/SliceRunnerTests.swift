import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

@Suite struct SliceRunnerTests {
  static let sources = ["a", "unreadable", "b", "unusable"].map {
    SourceExample(id: $0, path: "\($0).wav", url: URL(fileURLWithPath: "/\($0).wav"), label: "yes")
  }

  static func runner(in folder: URL, count: Int, shard: Shard? = nil) -> SliceRunner<ByteFactory> {
    SliceRunner(
      factory: ByteFactory(), sources: sources,
      schedule: SourceSchedule(strata: sources.map { _ in "" }, sortKeys: sources.map(\.path), seed: 3),
      settings: RunSettings(slice: "bytes", count: count, seed: 3, jobs: 1, redraws: 2, shard: shard, recipeHash: "r"),
      folder: OutputFolder(url: folder, shard: shard))
  }

  static func open(_ folder: URL, count: Int, resume: Bool, shard: Shard? = nil) throws -> OutputFolder.Contents {
    try OutputFolder(url: folder, shard: shard).open(
      for: RunIdentity(slice: "bytes", count: count, seed: 3, recipeHash: "r", dataset: "t.csv", shard: shard),
      resume: resume)
  }

  /// Stops after the first batch of `jobs × 4` indices.
  static func firstBatchOnly(_ cancellation: CancellationFlag) -> (RunProgress) -> Void {
    { _ in cancellation.cancel() }
  }

  /// A count of 10¹² is streamed: the run makes its first batch and stops when asked, holding nothing
  /// per index it has not reached (listing the indices first would need 8 TB).
  @Test(arguments: [nil, try Shard(index: 3, count: 7)])
  func aHugeCountIsStreamed(shard: Shard?) throws {
    let folder = try TemporaryFolder()
    let count = 1_000_000_000_000
    let kept = try Self.open(folder.url, count: count, resume: false, shard: shard)
    let cancellation = CancellationFlag()
    let summary = try Self.runner(in: folder.url, count: count, shard: shard)
      .run(kept: kept, resumed: false, notes: [], cancellation: cancellation, progress: Self.firstBatchOnly(cancellation))
    #expect(summary.interrupted)
    #expect(summary.requested == (shard == nil ? count : 142_857_142_857))
    let indices = try RunFiles.manifest(folder.url, shard: shard).map(\.index)
    #expect(indices.count == 4 - summary.failedIndices.count)
    #expect(Set(indices + summary.failedIndices) == Set((0..<4).map { (shard?.index ?? 0) + $0 * (shard?.count ?? 1) }))
  }

  @Test func shardSampleCounts() throws {
    #expect(try Shard(index: 3, count: 7).sampleCount(below: 1_000_000_000_000) == 142_857_142_857)
    #expect(try Shard(index: 3, count: 4).sampleCount(below: 3) == 0)
    for total in 0..<30 {
      for count in 1..<6 {
        for index in 0..<count {
          let shard = try Shard(index: index, count: count)
          #expect(shard.sampleCount(below: total) == (0..<total).filter(shard.contains).count)
          #expect(Array(shard.sampleIndices(below: total)) == (0..<total).filter(shard.contains))
        }
      }
    }
  }

  /// A run stopped after its first batch and resumed ends with the same manifest, rejections and summary
  /// counts as one uninterrupted run: the summary covers the whole folder, not the last call.
  @Test func aResumedRunSummarisesTheWholeFolder() throws {
    let folder = try TemporaryFolder()
    let whole = folder.file("whole"), resumed = folder.file("resumed")
    let expected = try Self.runner(in: whole, count: 40).run(
      kept: try Self.open(whole, count: 40, resume: false), resumed: false, notes: [], cancellation: CancellationFlag(),
      progress: { _ in })
    // The run meets every kind of outcome, so the comparison below covers each.
    #expect(expected.made >= 20 && expected.made < 40 && !expected.failedIndices.isEmpty, "\(expected)")
    #expect(expected.skippedSources.contains { $0.unreadable } && expected.skippedSources.contains { !$0.unreadable })
    #expect(expected.rejectedByRule["draw-mod-3"]! > 10 && expected.rejectedByRule["unreadable-source"]! > 10)
    #expect(expected.skippedByReason["too few bytes to judge"] == 1 && expected.rejectedByRule["unusable-source"]! > 5)

    let cancellation = CancellationFlag()
    let first = try Self.runner(in: resumed, count: 40).run(
      kept: try Self.open(resumed, count: 40, resume: false), resumed: false, notes: [], cancellation: cancellation,
      progress: Self.firstBatchOnly(cancellation))
    #expect(first.interrupted && first.made <= 4)
    let summary = try Self.runner(in: resumed, count: 40).run(
      kept: try Self.open(resumed, count: 40, resume: true), resumed: true, notes: [], cancellation: CancellationFlag(),
      progress: { _ in })
    #expect(summary.resumed && !summary.interrupted)
    #expect(summary.madeNow == expected.made - first.made)
    #expect(summary.made == expected.made)
    #expect(summary.rejectedByRule == expected.rejectedByRule)
    #expect(summary.skippedSources == expected.skippedSources)
    #expect(summary.failedIndices == expected.failedIndices)
    #expect(summary.skippedByReason == expected.skippedByReason)
    #expect(summary.indicesWithoutUsableSource == expected.indicesWithoutUsableSource)
    #expect(try Data(contentsOf: resumed.appendingPathComponent("manifest.jsonl")) == Data(contentsOf: whole.appendingPathComponent("manifest.jsonl")))
    // A failed index of the first batch is made again after the kept ones, so its rejections come later.
    func rejections(_ folder: URL) throws -> [RejectionRecord] {
      JSONLines.decode(RejectionRecord.self, from: try Data(contentsOf: folder.appendingPathComponent("rejected.jsonl")))
        .records.sorted { ($0.index, $0.attempt) < ($1.index, $1.attempt) }
    }
    #expect(try rejections(resumed) == rejections(whole))
  }
}
