import Foundation

/// Joins the manifests of a sharded run (`manifest.shard-K-of-N.jsonl` in one folder) into the
/// `manifest.jsonl`, `rejected.jsonl`, `summary.json`, `run.json` and `realism-members.json` an unsharded
/// run would have written.
///
/// Every sample line is independent of the shard that made it, so the merged manifest (sorted by index)
/// is byte-identical to the unsharded run's. The merge refuses to write anything while a shard is
/// missing or unfinished, or an output a shard's manifest names is missing or differs from its recorded size
/// and SHA-256, and says which shards to run again.
public enum ShardMerger {
  public struct Result: Sendable, Equatable {
    public var shardCount: Int
    public var requested: Int
    public var merged: Int
    /// Indices no source could make (reported by the shards, not missing).
    public var failedIndices: [Int]
  }

  /// Merges under the folder's whole lock, so no shard writes while its files are read.
  public static func merge(folder: URL) throws -> Result {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw RunError.missingInput(folder.path, what: "run folder")
    }
    // A folder without shard runs is refused before a lock file is made in it.
    _ = try shardIdentities(in: folder)
    let lock = try FolderLock(folder: folder, access: .whole)
    return try withExtendedLifetime(lock) { try mergeLocked(folder: folder) }
  }

  private static func mergeLocked(folder: URL) throws -> Result {
    let shards = try shardIdentities(in: folder)
    guard let first = shards.values.first else { throw MergeError.noShards(folder.path) }
    let count = first.count
    let shardCount = first.shard!.count
    for identity in shards.values {
      guard identity.shard?.count == shardCount else {
        throw MergeError.inconsistent(folder.path, detail: "shards of \(shardCount) and of \(identity.shard?.count ?? 1)")
      }
      guard identity.slice == first.slice, identity.seed == first.seed, identity.recipeHash == first.recipeHash,
        identity.dataset == first.dataset, identity.count == first.count, identity.sources == first.sources,
        identity.output == first.output
      else {
        throw MergeError.inconsistent(folder.path, detail: "shard \(identity.shard!) ran other settings than shard \(first.shard!)")
      }
    }
    var problems: [String] = []
    var records: [ManifestRecord] = []
    var rejections: [RejectionRecord] = []
    var summaries: [RunSummary] = []
    var realismMembers: [RealismMembers?] = []
    for index in 0..<shardCount {
      let shard = try Shard(index: index, count: shardCount)
      guard shards[index] != nil else {
        problems.append("shard \(shard): no run found; run it with --shard \(shard)")
        continue
      }
      let files = OutputFolder(url: folder, shard: shard)
      let manifest = (try? Data(contentsOf: files.manifestURL)).map { JSONLines.decode(ManifestRecord.self, from: $0).records } ?? []
      let summary = (try? Data(contentsOf: files.summaryURL)).flatMap { try? JSONDecoder().decode(RunSummary.self, from: $0) }
      let failed = Set(summary?.failedIndices ?? [])
      let expected = shard.sampleCount(below: count)
      let accounted = Set(manifest.map(\.index)).union(failed).filter { shard.contains($0) && $0 < count }.count
      if summary == nil || summary!.interrupted || accounted < expected {
        problems.append(
          "shard \(shard): \(expected - accounted) of \(expected) samples missing; run it again with --shard \(shard) --resume")
      }
      if let stray = manifest.first(where: { !shard.contains($0.index) || $0.index >= count }) {
        problems.append("shard \(shard): holds sample \(stray.index), which is not its own")
      }
      for problem in manifest.lazy.compactMap({ $0.outputProblem(in: folder) }) {
        let remove = if case .missing = problem { "" } else { "remove it and " }
        problems.append("shard \(shard): \(problem); \(remove)run the shard again with --shard \(shard) --resume")
      }
      records += manifest
      rejections += (try? Data(contentsOf: files.rejectedURL)).map { JSONLines.decode(RejectionRecord.self, from: $0).records } ?? []
      if let summary { summaries.append(summary) }
      realismMembers.append((try? Data(contentsOf: files.realismMembersURL)).flatMap { try? JSONDecoder().decode(RealismMembers.self, from: $0) })
    }
    if let first = realismMembers.first, realismMembers.contains(where: { $0 != first }) {
      problems.append("the shards measured different real members (realism-members.shard-K-of-N.json); run them again on one table")
    }
    let duplicated = Dictionary(grouping: records, by: \.index).filter { $0.value.count > 1 }.keys.sorted()
    if !duplicated.isEmpty { problems.append("samples made twice: \(duplicated.prefix(10).map(String.init).joined(separator: ", "))") }
    guard problems.isEmpty else { throw MergeError.incomplete(folder.path, problems: problems) }

    let merged = OutputFolder(url: folder, shard: nil)
    guard !FileManager.default.fileExists(atPath: merged.manifestURL.path) else {
      throw MergeError.alreadyMerged(merged.manifestURL.path)
    }
    records.sort { $0.index < $1.index }
    rejections.sort { ($0.index, $0.attempt) < ($1.index, $1.attempt) }
    try merged.writeAtomically(try JSONLines.encode(records), to: merged.manifestURL)
    try merged.writeAtomically(try JSONLines.encode(rejections), to: merged.rejectedURL)
    var identity = first
    identity.shard = nil
    try merged.write(identity: identity)
    let failedIndices = summaries.flatMap(\.failedIndices).sorted()
    let skipped = mergeSkipped(summaries.flatMap(\.skippedSources))
    let seconds = summaries.map(\.seconds).max() ?? 0
    // Each shard judged its own counts; the folder's are judged again over all of them, as one run judges them.
    let shardAcceptanceNotes = Set(summaries.flatMap { $0.acceptance?.notes ?? [] })
    var summary = RunSummary(
        slice: first.slice, seed: first.seed, shard: nil, requested: count, made: records.count,
        madeNow: summaries.map(\.madeNow).reduce(0, +), resumed: summaries.contains(where: \.resumed),
        rejectedByRule: summaries.reduce(into: [:]) { total, summary in total.merge(summary.rejectedByRule, uniquingKeysWith: +) },
        skippedSources: skipped, failedIndices: failedIndices,
        interrupted: false, seconds: seconds, samplesPerSecond: seconds > 0 ? Double(records.count) / seconds : 0,
        notes: Array(Set(summaries.flatMap(\.notes)).subtracting(shardAcceptanceNotes)).sorted(),
        skippedByReason: RunSummary.countByReason(skipped),
        indicesWithoutUsableSource: summaries.flatMap(\.indicesWithoutUsableSource).sorted())
    // Every shard opens the same noise bank, so each names the same unreadable clips: keep one entry per path.
    let unreadableNoise = Dictionary(
      summaries.flatMap { $0.unreadableNoiseClips ?? [] }.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }
    ).values.sorted { $0.path < $1.path }
    summary.unreadableNoiseClips = unreadableNoise.isEmpty ? nil : unreadableNoise
    let rejected = summaries.map(\.rejected)
    summary.rejected = rejected.contains(nil) ? nil : rejected.compactMap { $0 }.reduce(0, +)
    summary.model = mergeModel(summaries.map(\.model))
    if let members = realismMembers.first ?? nil {
      try merged.write(realismMembers: members)
      // The figure is over the whole folder, as an unsharded run computes it, not any shard's.
      var samples = RealismSamples()
      for record in records { samples.add(index: record.index, attempt: record.attempt, checks: record.checks, accepted: true) }
      for rejection in rejections {
        samples.add(index: rejection.index, attempt: rejection.attempt, checks: rejection.checks, accepted: false)
      }
      let realism = samples.figure(members: members, seed: first.seed)
      summary.realism = realism.figure
      summary.notes = summary.notes.filter { !$0.hasPrefix(RealismSamples.tooFewSamplesNote) } + (realism.note.map { [$0] } ?? [])
    }
    summary.acceptance = Acceptance.merging(summaries.map(\.acceptance))
    summary.notes += summary.acceptance?.notes ?? []
    try merged.writeSummary(summary)
    return Result(shardCount: shardCount, requested: count, merged: records.count, failedIndices: failedIndices)
  }

  /// The shards' `run.shard-K-of-N.json` files, by K.
  private static func shardIdentities(in folder: URL) throws -> [Int: RunIdentity] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      throw MergeError.noShards(folder.path)
    }
    var identities: [Int: RunIdentity] = [:]
    for name in names where name.hasPrefix("run.shard-") && name.hasSuffix(".json") {
      let data = try Data(contentsOf: folder.appendingPathComponent(name))
      guard let identity = try? JSONDecoder().decode(RunIdentity.self, from: data), let shard = identity.shard else {
        throw MergeError.inconsistent(folder.path, detail: "\(name) is not a shard's run file")
      }
      identities[shard.index] = identity
    }
    return identities
  }

  /// The model's figures over the whole folder: the members' are the same in every shard, the samples'
  /// add up; `nil` unless every shard asked a model.
  private static func mergeModel(_ models: [ModelSummary?]) -> ModelSummary? {
    guard var merged = models.first ?? nil else { return nil }
    let all = models.compactMap { $0 }
    guard all.count == models.count else { return nil }
    merged.accepted = .init(scored: all.map(\.accepted.scored).reduce(0, +), correct: all.map(\.accepted.correct).reduce(0, +))
    merged.tolerance = merged.targetErrorRate.map { _ in ModelSummary.tolerance(accepted: merged.accepted.scored) }
    merged.seconds = all.map(\.seconds).max() ?? 0
    return merged
  }

  private static func mergeSkipped(_ skipped: [RunSummary.SkippedSource]) -> [RunSummary.SkippedSource] {
    Dictionary(grouping: skipped, by: \.source).map { source, entries in
      RunSummary.SkippedSource(
        source: source, reason: entries[0].reason, times: entries.map(\.times).reduce(0, +),
        unreadable: entries[0].unreadable)
    }.sorted { $0.source < $1.source }
  }
}

/// Why shards could not be merged.
public enum MergeError: Error, Equatable, CustomStringConvertible {
  case noShards(String)
  case inconsistent(String, detail: String)
  case incomplete(String, problems: [String])
  case alreadyMerged(String)

  public var description: String {
    switch self {
    case .noShards(let path): "\(path): no shard runs (run.shard-K-of-N.json) to merge."
    case .inconsistent(let path, let detail): "\(path): the shards do not belong to one run (\(detail))."
    case .incomplete(let path, let problems):
      "\(path): cannot merge yet:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    case .alreadyMerged(let path): "\(path) already exists; remove it to merge again."
    }
  }
}
