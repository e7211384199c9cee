import AugmentCore
import Foundation
import Testing

@testable import AugmentPipeline

/// The summary's acceptance per label and per group: its counts are the folder's lines, whatever invocations or
/// shards wrote them, and the imbalance criterion flags what it states and nothing else.
@Suite struct AcceptanceTallyTests {
  /// Two labels and two speakers. `no` holds the source that cannot be read and the one that cannot be judged, so
  /// its samples fall back to `c` and, once all three were tried, to `yes`.
  static let sources = [
    ("a", "yes", "anna"), ("unreadable", "no", "ben"), ("b", "yes", "ben"), ("unusable", "no", "anna"),
    ("c", "no", "ben"),
  ].map { id, label, speaker in
    var source = SourceExample(id: id, path: "\(id).wav", url: URL(fileURLWithPath: "/\(id).wav"), label: label)
    source.group = speaker
    return source
  }

  static func runner(in folder: URL, count: Int, shard: Shard? = nil) -> SliceRunner<ByteFactory> {
    SliceRunner(
      factory: ByteFactory(), sources: sources,
      schedule: SourceSchedule(strata: sources.map(\.label), sortKeys: sources.map(\.path), seed: 3),
      settings: RunSettings(
        slice: "bytes", count: count, seed: 3, jobs: 2, redraws: 2, shard: shard, recipeHash: "r", groupColumn: "speaker"),
      folder: OutputFolder(url: folder, shard: shard))
  }

  static func run(
    _ folder: URL, count: Int, shard: Shard? = nil, resume: Bool = false, cancellation: CancellationFlag = CancellationFlag(),
    progress: @escaping (RunProgress) -> Void = { _ in }
  ) throws -> RunSummary {
    let kept = try SliceRunnerTests.open(folder, count: count, resume: resume, shard: shard)
    return try runner(in: folder, count: count, shard: shard)
      .run(kept: kept, resumed: resume, notes: [], cancellation: cancellation, progress: progress)
  }

  /// Counts a folder's lines as the summary should: each manifest and `rejected.jsonl` line under its source's
  /// label (or speaker), and each index under the source of its first candidate (attempt 0), which is the one its
  /// schedule planned.
  static func counted(_ folder: URL, by key: (SourceExample) -> String) throws -> [String: GroupAcceptance] {
    let source = Dictionary(uniqueKeysWithValues: sources.map { ($0.path, $0) })
    let records = try RunFiles.manifest(folder, shard: nil)
    let rejections = JSONLines.decode(
      RejectionRecord.self, from: try Data(contentsOf: folder.appendingPathComponent("rejected.jsonl"))).records
    var counts: [String: GroupAcceptance] = [:]
    for record in records { counts[key(source[record.source]!), default: .init()].made += 1 }
    for rejection in rejections { counts[key(source[rejection.source]!), default: .init()].rejected += 1 }
    let made = Dictionary(uniqueKeysWithValues: records.map { ($0.index, key(source[$0.source]!)) })
    let first = records.map { ($0.index, $0.attempt, $0.source) } + rejections.map { ($0.index, $0.attempt, $0.source) }
    for (index, _, path) in first.filter({ $0.1 == 0 }) {
      let planned = key(source[path]!)
      counts[planned, default: .init()].planned += 1
      if made[index] == nil {
        counts[planned]!.failed += 1
      } else if made[index] != planned {
        counts[planned]!.madeElsewhere += 1
      }
    }
    // A source is given up once per index that tried it and did not make its sample from it.
    let tried = Set(rejections.map { "\($0.index) \($0.source)" })
    for entry in tried {
      let parts = entry.split(separator: " ")
      let (index, path) = (Int(parts[0])!, String(parts[1]))
      if records.first(where: { $0.index == index })?.source != path {
        counts[key(source[path]!), default: .init()].sourcesSkipped += 1
      }
    }
    return counts
  }

  @Test func countsAreTheFoldersLinesThroughAResumeAndAMerge() throws {
    let folder = try TemporaryFolder()
    let whole = folder.file("whole")
    let summary = try Self.run(whole, count: 60)
    let acceptance = try #require(summary.acceptance)
    #expect(acceptance.byLabel == (try Self.counted(whole, by: \.label)))
    #expect(acceptance.byGroup == (try Self.counted(whole, by: { $0.group! })))
    #expect(acceptance.groupColumn == "speaker")
    // The run meets each way a planned sample can end: made from its label, from another, or not at all.
    let no = try #require(acceptance.byLabel["no"])
    #expect(no.made > 0 && no.madeElsewhere > 0 && no.failed > 0, "\(no)")
    #expect(acceptance.byLabel.values.map(\.planned).reduce(0, +) == 60)
    #expect(acceptance.byLabel.values.map(\.rejected).reduce(0, +) == summary.rejected)
    let shortfall = try #require(acceptance.shortfallNote)
    #expect(summary.notes.last == shortfall)
    let own = no.planned - no.madeElsewhere - no.failed
    #expect(
      shortfall.contains("“no” \(own) of \(no.planned) (\(no.madeElsewhere) from other labels, \(no.failed) not made)"),
      "\(shortfall)")

    // Stopped after its first batch and resumed, the folder counts the same.
    let resumed = folder.file("resumed")
    let cancellation = CancellationFlag()
    let first = try Self.run(resumed, count: 60, cancellation: cancellation, progress: { _ in cancellation.cancel() })
    #expect(first.interrupted && first.made < 60)
    #expect(try Self.run(resumed, count: 60, resume: true).acceptance == acceptance)

    // Two shards merged count what the unsharded run counted.
    let sharded = folder.file("sharded")
    for index in 0..<2 { _ = try Self.run(sharded, count: 60, shard: try Shard(index: index, count: 2)) }
    _ = try ShardMerger.merge(folder: sharded)
    let merged = try JSONDecoder().decode(
      RunSummary.self, from: Data(contentsOf: sharded.appendingPathComponent("summary.json")))
    #expect(merged.acceptance == acceptance)
    #expect(merged.notes == summary.notes)
  }

  static func group(made: Int, of candidates: Int, planned: Int) -> GroupAcceptance {
    var counts = GroupAcceptance()
    counts.made = made
    counts.rejected = candidates - made
    counts.planned = planned
    return counts
  }

  /// 10 of 95 against 32 of 80 is flagged (p = 4.9e-6 by scipy); the same rates over 20 candidates each are not
  /// (p = 0.078); a rate that is low but not half the rest's is not, however significant; nor is a group planned
  /// fewer than 5 samples, however many candidates it had: it is not tested, nor counted in the Bonferroni divisor.
  @Test func theCriterionFlagsOnlyWhatItStates() throws {
    let no = Self.group(made: 10, of: 95, planned: 10), yes = Self.group(made: 32, of: 80, planned: 32)
    let flagged = GateImbalance.find(in: ["no": no, "yes": yes], of: "label")
    #expect(flagged.count == 1)
    let imbalance = try #require(flagged.first)
    #expect(imbalance.value == "no" && imbalance.candidates == 95 && imbalance.restCandidates == 80 && imbalance.tested == 2)
    #expect(abs(imbalance.pValue - 4.922979310692281e-06) < 1e-15)
    #expect(imbalance.description.contains("label “no” had 10.5 % of its 95 candidates accepted, the other labels 40.0 % of 80"))
    let fewer = ["no": Self.group(made: 3, of: 20, planned: 5), "yes": Self.group(made: 8, of: 20, planned: 8)]
    #expect(GateImbalance.find(in: fewer, of: "label").isEmpty)
    // 2,500 of 10,000 against 3,000 of 6,000: p is tiny, but 25 % is more than half of 50 %.
    let mild = ["s1": Self.group(made: 2_500, of: 10_000, planned: 2_000), "s2": Self.group(made: 3_000, of: 6_000, planned: 1_500)]
    #expect(GateImbalance.find(in: mild, of: "speaker").isEmpty)
    let withOneClip = GateImbalance.find(
      in: ["no": no, "yes": yes, "clip": Self.group(made: 0, of: 40, planned: 4)], of: "label")
    #expect(withOneClip.map(\.value) == ["no"] && withOneClip.first?.tested == 2)
  }
}
