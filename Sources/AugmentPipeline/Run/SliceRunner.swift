import AugmentCore
import Foundation
import MediaIO

/// Settings of a slice run that do not depend on the media.
public struct RunSettings: Sendable {
  public var slice: String
  public var count: Int
  public var seed: UInt64
  public var jobs: Int
  public var redraws: Int
  /// How many different sources one sample index tries before it is given up.
  public var sourcesPerSample: Int
  public var shard: Shard?
  public var recipeHash: String
  /// The table column whose values group the sources in the summary's acceptance (`--group-column`); each
  /// source's value is its ``SourceExample/group``.
  public var groupColumn: String?
  /// The most memory the run keeps loaded sources in, with what was measured on them (``SourceCache``):
  /// 256 MiB by default, as much as the noise bank keeps of decoded clips; 0 loads a source for every use.
  public var sourceCacheBytes: Int

  public init(
    slice: String, count: Int, seed: UInt64, jobs: Int, redraws: Int, sourcesPerSample: Int = 4, shard: Shard? = nil,
    recipeHash: String, groupColumn: String? = nil, sourceCacheBytes: Int = 256 << 20
  ) {
    self.slice = slice
    self.count = count
    self.seed = seed
    self.jobs = max(1, jobs)
    self.redraws = max(1, redraws)
    self.sourcesPerSample = max(1, sourcesPerSample)
    self.shard = shard
    self.recipeHash = recipeHash
    self.groupColumn = groupColumn
    self.sourceCacheBytes = max(0, sourceCacheBytes)
  }

  /// This shard's sample indices in `0..<count`, in order, generated one at a time.
  var indices: StrideTo<Int> { (shard ?? .whole).sampleIndices(below: count) }

  /// How many sample indices this shard makes.
  var target: Int { (shard ?? .whole).sampleCount(below: count) }

  /// `<slice>-<index>`, zero-padded to six digits.
  func sampleID(_ index: Int) -> String {
    "\(slice)-\(String(format: "%06d", index))"
  }
}

/// Progress after each batch, for a progress bar or log lines.
public struct RunProgress: Sendable {
  public var made: Int
  public var target: Int
  public var rejected: Int
  public var failed: Int
  public var seconds: Double
}

/// Makes the samples of one slice run.
///
/// Sample `i` starts from the source its ``SourceSchedule`` gives it and draws only from
/// `Xoshiro256StarStar.forSample(seed, i, attempt)`, so its output never depends on other samples, on `--jobs`, or on sharding. Indices are processed in batches
/// spread over cores; each batch's manifest lines are appended in index order, which makes the manifest
/// byte-identical whatever the number of jobs, and lets `--resume` continue after the last full batch.
public struct SliceRunner<Factory: SampleFactory>: Sendable {
  public let factory: Factory
  public let sources: [SourceExample]
  /// Which of `sources` each sample index starts from, and falls back to.
  public let schedule: SourceSchedule
  public let settings: RunSettings
  public let folder: OutputFolder
  /// The user's model, asked about every candidate the checklist passes before it is kept.
  public let model: ModelJudge?
  /// Sources already loaded, with what was measured on them, for the samples that use them again.
  let sourceCache: SourceCache<Factory.Media>

  public init(
    factory: Factory, sources: [SourceExample], schedule: SourceSchedule, settings: RunSettings, folder: OutputFolder,
    model: ModelJudge? = nil
  ) {
    precondition(!sources.isEmpty && schedule.count == sources.count, "a run needs sources and their schedule")
    self.factory = factory
    self.sources = sources
    self.schedule = schedule
    self.settings = settings
    self.folder = folder
    self.model = model
    sourceCache = SourceCache(capacity: settings.sourceCacheBytes)
  }

  /// What happened to one sample index.
  struct Outcome: Sendable {
    var accepted: ManifestRecord?
    var rejections: [RejectionRecord]
    var skipped: [RunSummary.SkippedSource]
    /// Whether some source this index tried was readable and usable, so that its candidates were judged
    /// on their merits; when none was, a failed index is short of sources, not of acceptable candidates.
    var hadUsableSource = false
    /// With a model, the accepted candidate itself, waiting in the scratch folder for the keep decision.
    var candidate: Factory.Media?
  }

  /// Runs every index of `0..<count` (in this shard) that `kept` does not already hold.
  ///
  /// Indices are generated as they are needed, so memory grows with the samples made, not with `count`.
  /// The summary covers the whole folder: what `kept` holds and what this call made.
  public func run(
    kept: OutputFolder.Contents, resumed: Bool, notes: [String], cancellation: CancellationFlag,
    progress: (RunProgress) -> Void
  ) throws -> RunSummary {
    let start = Date()
    let done = Set(kept.records.map(\.index))
    var pending = settings.indices.lazy.filter { !done.contains($0) }.makeIterator()
    var tally = RunTally(
      kept: kept, acceptance: AcceptanceTally(sources: sources, schedule: schedule, groupColumn: settings.groupColumn))
    var madeNow = 0
    var keep = try model.map { try $0.start(kept: kept.records) }
    // With a model, the batch is the unit of keep decisions, so its size must not depend on --jobs.
    let batchSize = model?.scorer.settings.batch ?? settings.jobs * 4
    var exhausted = false
    while !exhausted, !cancellation.isCancelled {
      var batch: [Int] = []
      batch.reserveCapacity(batchSize)
      while batch.count < batchSize, let index = pending.next() { batch.append(index) }
      exhausted = batch.count < batchSize
      guard !batch.isEmpty else { break }
      let outcomes = try keep == nil ? process(batch) : processScored(batch, keep: &keep!)
      for (index, outcome) in zip(batch, outcomes) { tally.add(outcome, index: index) }
      try folder.append(outcomes.flatMap(\.rejections), to: folder.rejectedURL)
      let accepted = outcomes.compactMap(\.accepted)
      try folder.append(accepted, to: folder.manifestURL)
      madeNow += accepted.count
      progress(
        RunProgress(
          made: tally.made, target: settings.target, rejected: tally.rejected, failed: tally.failedIndices.count,
          seconds: Date().timeIntervalSince(start)))
    }
    let seconds = Date().timeIntervalSince(start)
    let unreadableNoise = factory.unreadableInputs.map { RunSummary.UnreadableFile(path: $0.path, reason: "\($0)") }
      .sorted { $0.path < $1.path }
    var summary = RunSummary(
      slice: settings.slice, seed: settings.seed, shard: settings.shard, requested: settings.target, made: tally.made,
      madeNow: madeNow, resumed: resumed, rejectedByRule: tally.rejectedByRule, skippedSources: tally.skippedSources,
      failedIndices: tally.failedIndices, interrupted: !exhausted, seconds: seconds,
      samplesPerSecond: seconds > 0 ? Double(madeNow) / seconds : 0, notes: notes)
    summary.unreadableNoiseClips = unreadableNoise.isEmpty ? nil : unreadableNoise
    summary.rejected = tally.rejected
    summary.skippedByReason = RunSummary.countByReason(tally.skippedSources)
    summary.indicesWithoutUsableSource = tally.indicesWithoutUsableSource
    summary.model = keep?.summary
    if let members = factory.realism?.members { try folder.write(realismMembers: members) }
    let realism = tally.realism.figure(members: factory.realism?.members, seed: settings.seed)
    summary.realism = realism.figure
    if let note = realism.note { summary.notes.append(note) }
    let acceptance = tally.acceptance.acceptance
    summary.acceptance = acceptance
    summary.notes += acceptance.notes
    try folder.writeSummary(summary)
    return summary
  }

  /// Makes the samples of one batch on up to `jobs` threads; outcomes come back in batch order.
  /// Throws the first failure to write a sample, after the batch's other threads have finished.
  private func process(_ batch: [Int]) throws -> [Outcome] {
    try ParallelMap.map(batch.count, jobs: settings.jobs) { slot in Result { try makeSample(batch[slot]) } }
      .map { try $0.get() }
  }

  /// Tries the schedule's sources for sample `i`, with up to `redraws` candidates each, until one passes.
  /// A source found ``SourceUnusable`` is given up after its first candidate: redraws cannot change that.
  ///
  /// With a model, a later round continues `earlier` from `firstAttempt` (the attempt after the candidate
  /// the keep policy turned down), and the passing candidate is written to `scratch` rather than the run's
  /// folder. A source whose last redraw the policy turned down is given up as the checklist would.
  func makeSample(_ index: Int, from firstAttempt: Int = 0, continuing earlier: Outcome? = nil, scratch: URL? = nil)
    throws -> Outcome
  {
    var outcome = earlier ?? Outcome(accepted: nil, rejections: [], skipped: [])
    let sourceTries = min(settings.sourcesPerSample, sources.count)
    if firstAttempt > 0, firstAttempt % settings.redraws == 0, firstAttempt / settings.redraws <= sourceTries {
      let previous = sources[schedule.source(forSample: index, try: firstAttempt / settings.redraws - 1)]
      outcome.skipped.append(
        .allRejected(
          source: previous.path, candidates: settings.redraws,
          failures: failures(of: outcome, from: previous, since: firstAttempt - settings.redraws)))
    }
    for sourceTry in 0..<sourceTries where (sourceTry + 1) * settings.redraws > firstAttempt {
      let sourceIndex = schedule.source(forSample: index, try: sourceTry)
      let source = sources[sourceIndex]
      let original: Factory.Media
      do {
        original = try sourceCache.media(forSource: sourceIndex, byteCount: factory.byteCount) {
          try factory.load(source)
        }
      } catch {
        let reason = "\(error)"
        outcome.rejections.append(
          RejectionRecord(
            index: index, attempt: sourceTry * settings.redraws, source: source.path, failed: [RunTally.unreadableRule],
            reason: reason, transforms: [], checks: [:]))
        outcome.skipped.append(.init(source: source.path, reason: reason, times: 0, unreadable: true))
        continue
      }
      var failures = failures(of: outcome, from: source, since: sourceTry * settings.redraws)
      var unusable: SourceUnusable?
      for redraw in max(0, firstAttempt - sourceTry * settings.redraws)..<settings.redraws {
        let attempt = sourceTry * settings.redraws + redraw
        var rng = Xoshiro256StarStar.forSample(seed: settings.seed, index: index, attempt: attempt)
        let candidate: Factory.Media, records: [AppliedTransform], verdicts: [Verdict]
        do {
          (candidate, records) = try factory.candidate(from: original, using: &rng)
          verdicts = try factory.check(candidate, against: original, source: source, records: records)
        } catch let error as SourceUnusable {
          unusable = error
          outcome.rejections.append(
            RejectionRecord(
              index: index, attempt: attempt, source: source.path, failed: [RunTally.unusableRule],
              reason: error.description, transforms: [], checks: [:], unusableBecause: error.reason))
          break
        } catch {
          failures["error", default: 0] += 1
          outcome.rejections.append(
            RejectionRecord(
              index: index, attempt: attempt, source: source.path, failed: ["error"], reason: "\(error)",
              transforms: [], checks: [:]))
          continue
        }
        let checks = Dictionary(verdicts.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        let failing = verdicts.filter { !$0.passed }
        guard failing.isEmpty else {
          for verdict in failing { failures[verdict.rule, default: 0] += 1 }
          outcome.rejections.append(
            RejectionRecord(
              index: index, attempt: attempt, source: source.path, failed: failing.map(\.rule),
              reason: failing.map(\.reason).joined(separator: "; "), transforms: records, checks: checks))
          continue
        }
        let id = settings.sampleID(index)
        let output = "\(id).\(factory.fileExtension(for: candidate))"
        // A sample that cannot be written stops the run: every later one would fail the same way.
        let url = (scratch ?? folder.url).appendingPathComponent(output)
        try factory.write(candidate, to: url)
        let digest = try FileDigest(of: url)
        outcome.accepted = ManifestRecord(
          id: id, index: index, attempt: attempt, seed: settings.seed, slice: settings.slice, source: source.path,
          sourceID: source.id, output: output, sha256: digest.sha256, size: digest.size, label: source.label,
          transforms: records, checks: checks, toolVersion: ToolVersion.current, recipeHash: settings.recipeHash)
        outcome.hadUsableSource = true
        if scratch != nil { outcome.candidate = candidate }
        return outcome
      }
      if let unusable {
        outcome.skipped.append(.init(source: source.path, reason: unusable.reason, times: 0, unreadable: false))
        continue
      }
      outcome.hadUsableSource = true
      outcome.skipped.append(.allRejected(source: source.path, candidates: settings.redraws, failures: failures))
    }
    return outcome
  }

  /// The failing rules of the candidates `outcome` turned down from `source` since `attempt`, counted.
  private func failures(of outcome: Outcome, from source: SourceExample, since attempt: Int) -> [String: Int] {
    outcome.rejections.filter { $0.source == source.path && $0.attempt >= attempt }
      .reduce(into: [:]) { counts, rejection in for rule in rejection.failed { counts[rule, default: 0] += 1 } }
  }
}
