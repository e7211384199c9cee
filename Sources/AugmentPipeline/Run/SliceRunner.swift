import AugmentCore
import Foundation

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

  public init(
    slice: String, count: Int, seed: UInt64, jobs: Int, redraws: Int, sourcesPerSample: Int = 4, shard: Shard? = nil,
    recipeHash: String
  ) {
    self.slice = slice
    self.count = count
    self.seed = seed
    self.jobs = max(1, jobs)
    self.redraws = max(1, redraws)
    self.sourcesPerSample = max(1, sourcesPerSample)
    self.shard = shard
    self.recipeHash = recipeHash
  }

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

  public init(
    factory: Factory, sources: [SourceExample], schedule: SourceSchedule, settings: RunSettings, folder: OutputFolder
  ) {
    precondition(!sources.isEmpty && schedule.count == sources.count, "a run needs sources and their schedule")
    self.factory = factory
    self.sources = sources
    self.schedule = schedule
    self.settings = settings
    self.folder = folder
  }

  /// What happened to one sample index.
  struct Outcome: Sendable {
    var accepted: ManifestRecord?
    var rejections: [RejectionRecord]
    var skipped: [RunSummary.SkippedSource]
  }

  /// Runs every index of `0..<count` (in this shard) that `completed` does not already hold.
  public func run(
    completed: [ManifestRecord], notes: [String], cancellation: CancellationFlag,
    progress: (RunProgress) -> Void
  ) throws -> RunSummary {
    let start = Date()
    let done = Set(completed.map(\.index))
    let pending = (0..<settings.count).filter { (settings.shard?.contains($0) ?? true) && !done.contains($0) }
    let target = (0..<settings.count).filter { settings.shard?.contains($0) ?? true }.count
    var made = completed.count, madeNow = 0
    var rejectedByRule: [String: Int] = [:]
    var skipped: [String: RunSummary.SkippedSource] = [:]
    var failed: [Int] = []
    let batchSize = settings.jobs * 4
    var position = 0
    while position < pending.count, !cancellation.isCancelled {
      let batch = Array(pending[position..<min(position + batchSize, pending.count)])
      position += batch.count
      let outcomes = try process(batch)
      for (index, outcome) in zip(batch, outcomes) {
        for rejection in outcome.rejections {
          for rule in rejection.failed { rejectedByRule[rule, default: 0] += 1 }
        }
        for skip in outcome.skipped {
          skipped[skip.source, default: skip].times += 1
        }
        if outcome.accepted == nil { failed.append(index) }
      }
      try folder.append(outcomes.flatMap(\.rejections), to: folder.rejectedURL)
      let accepted = outcomes.compactMap(\.accepted)
      try folder.append(accepted, to: folder.manifestURL)
      made += accepted.count
      madeNow += accepted.count
      progress(
        RunProgress(
          made: made, target: target, rejected: rejectedByRule.values.reduce(0, +), failed: failed.count,
          seconds: Date().timeIntervalSince(start)))
    }
    let seconds = Date().timeIntervalSince(start)
    let summary = RunSummary(
      slice: settings.slice, seed: settings.seed, shard: settings.shard, requested: target, made: made,
      madeNow: madeNow, rejectedByRule: rejectedByRule,
      skippedSources: skipped.values.sorted { $0.source < $1.source }, failedIndices: failed,
      interrupted: position < pending.count, seconds: seconds,
      samplesPerSecond: seconds > 0 ? Double(madeNow) / seconds : 0, notes: notes)
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
  func makeSample(_ index: Int) throws -> Outcome {
    var outcome = Outcome(accepted: nil, rejections: [], skipped: [])
    for sourceTry in 0..<min(settings.sourcesPerSample, sources.count) {
      let source = sources[schedule.source(forSample: index, try: sourceTry)]
      let original: Factory.Media
      do {
        original = try factory.load(source)
      } catch {
        let reason = "\(error)"
        outcome.rejections.append(
          RejectionRecord(
            index: index, attempt: sourceTry * settings.redraws, source: source.path, failed: ["unreadable-source"],
            reason: reason, transforms: [], checks: [:]))
        outcome.skipped.append(.init(source: source.path, reason: reason, times: 0, unreadable: true))
        continue
      }
      var failures: [String: Int] = [:]
      for redraw in 0..<settings.redraws {
        let attempt = sourceTry * settings.redraws + redraw
        var rng = Xoshiro256StarStar.forSample(seed: settings.seed, index: index, attempt: attempt)
        let candidate: Factory.Media, records: [AppliedTransform], verdicts: [Verdict]
        do {
          (candidate, records) = try factory.candidate(from: original, using: &rng)
          verdicts = try factory.check(candidate, against: original, source: source, records: records)
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
        let output = "\(id).\(factory.fileExtension)"
        // A sample that cannot be written stops the run: every later one would fail the same way.
        try factory.write(candidate, to: folder.url.appendingPathComponent(output))
        outcome.accepted = ManifestRecord(
          id: id, index: index, attempt: attempt, seed: settings.seed, slice: settings.slice, source: source.path,
          sourceID: source.id, output: output, label: source.label, transforms: records, checks: checks,
          toolVersion: ToolVersion.current, recipeHash: settings.recipeHash)
        return outcome
      }
      let worst = failures.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      outcome.skipped.append(
        .init(
          source: source.path, reason: "all \(settings.redraws) candidates rejected, most often by \(worst?.key ?? "error")",
          times: 0, unreadable: false))
    }
    return outcome
  }
}
