/// The counts a run folder's summary reports, gathered over every sample index the folder holds.
///
/// A resumed run starts from the tally of what it keeps (``init(kept:)``), read back from the manifest and
/// `rejected.jsonl`, and adds each index it makes, so `summary.json` describes the whole folder even
/// after a run was killed before writing its own summary.
struct RunTally {
  var made = 0
  /// Candidates turned down (each once, the lines of `rejected.jsonl`).
  var rejected = 0
  /// Rule failures over those candidates: a candidate failing two rules counts under both.
  var rejectedByRule: [String: Int] = [:]
  /// Sources given up on, by source path; `times` counts the indices that gave up on each.
  var skipped: [String: RunSummary.SkippedSource] = [:]
  /// The lowest index that gave up on each skipped source: its reason is the one reported.
  private var firstSkippedAt: [String: Int] = [:]
  var failedIndices: [Int] = []
  /// The failed indices for which no source tried was usable (see ``RunSummary/indicesWithoutUsableSource``).
  var indicesWithoutUsableSource: [Int] = []
  /// The realism features the gate measured, for the run's two-sample test.
  var realism = RealismSamples()
  /// The same counts by label and by group.
  var acceptance: AcceptanceTally

  /// The tally of the samples a folder already holds, on top of an empty `acceptance`. `kept.rejections` are the
  /// rejections of those samples' indices: the candidates turned down before each was accepted, grouped by the
  /// source they came from; a source other than the accepted sample's was given up on for that index.
  init(kept: OutputFolder.Contents, acceptance: AcceptanceTally) {
    self.acceptance = acceptance
    made = kept.records.count
    rejected = kept.rejections.count
    let acceptedSource = Dictionary(kept.records.map { ($0.index, $0.source) }, uniquingKeysWith: { first, _ in first })
    var groups: [SourceTry: [RejectionRecord]] = [:]
    var order: [SourceTry] = []
    for record in kept.records {
      realism.add(index: record.index, attempt: record.attempt, checks: record.checks, accepted: true)
      self.acceptance.candidate(from: record.source, accepted: true)
      self.acceptance.sample(record.index, madeFrom: record.source)
    }
    for rejection in kept.rejections {
      realism.add(index: rejection.index, attempt: rejection.attempt, checks: rejection.checks, accepted: false)
      self.acceptance.candidate(from: rejection.source, accepted: false)
      for rule in rejection.failed { rejectedByRule[rule, default: 0] += 1 }
      let key = SourceTry(index: rejection.index, source: rejection.source)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(rejection)
    }
    for key in order where acceptedSource[key.index] != key.source {
      let group = groups[key]!
      if group.count == 1, group[0].failed == [Self.unreadableRule] {
        count(.init(source: key.source, reason: group[0].reason, times: 0, unreadable: true), index: key.index)
      } else if group.count == 1, group[0].failed == [Self.unusableRule], let reason = group[0].unusableBecause {
        count(.init(source: key.source, reason: reason, times: 0, unreadable: false), index: key.index)
      } else {
        let failures = group.reduce(into: [String: Int]()) { counts, rejection in
          for rule in rejection.failed { counts[rule, default: 0] += 1 }
        }
        count(.allRejected(source: key.source, candidates: group.count, failures: failures), index: key.index)
      }
    }
  }

  /// The rule a source that could not be read is rejected by.
  static let unreadableRule = "unreadable-source"
  /// The rule a source is rejected by when a checklist rule cannot judge any candidate made from it.
  static let unusableRule = "unusable-source"

  /// Adds what happened to one sample index.
  mutating func add<Factory>(_ outcome: SliceRunner<Factory>.Outcome, index: Int) {
    rejected += outcome.rejections.count
    for rejection in outcome.rejections {
      realism.add(index: index, attempt: rejection.attempt, checks: rejection.checks, accepted: false)
      acceptance.candidate(from: rejection.source, accepted: false)
      for rule in rejection.failed { rejectedByRule[rule, default: 0] += 1 }
    }
    if let accepted = outcome.accepted {
      realism.add(index: index, attempt: accepted.attempt, checks: accepted.checks, accepted: true)
      acceptance.candidate(from: accepted.source, accepted: true)
    }
    acceptance.sample(index, madeFrom: outcome.accepted?.source)
    for skip in outcome.skipped { count(skip, index: index) }
    if outcome.accepted != nil {
      made += 1
    } else {
      failedIndices.append(index)
      if !outcome.hadUsableSource { indicesWithoutUsableSource.append(index) }
    }
  }

  var skippedSources: [RunSummary.SkippedSource] { skipped.values.sorted { $0.source < $1.source } }

  /// Counts one more index giving up on a source. The reason kept is that of the lowest such index, so a
  /// resumed folder, whose indices are tallied out of order, reports what one uninterrupted run would.
  private mutating func count(_ skip: RunSummary.SkippedSource, index: Int) {
    acceptance.skipped(skip.source)
    if let first = firstSkippedAt[skip.source], first < index {
      skipped[skip.source]!.times += 1
      return
    }
    let times = skipped[skip.source]?.times ?? 0
    skipped[skip.source] = RunSummary.SkippedSource(
      source: skip.source, reason: skip.reason, times: times + 1, unreadable: skip.unreadable)
    firstSkippedAt[skip.source] = index
  }

  private struct SourceTry: Hashable {
    var index: Int
    var source: String
  }
}
