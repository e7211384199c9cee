/// The counts of ``Acceptance`` gathered over a run folder, as ``RunTally`` gathers the others: from the samples
/// and rejections a resumed folder keeps, then index by index, so they describe every line of `manifest.jsonl` and
/// `rejected.jsonl` however many invocations wrote them.
///
/// Each line is counted under its source's label and group, found by the source's path; each index under the
/// label and group of the source its schedule planned first.
struct AcceptanceTally {
  private let sources: [SourceExample]
  private let schedule: SourceSchedule
  private let groupColumn: String?
  /// The first source of each path.
  private let sourceAt: [String: Int]
  private var byLabel: [String: GroupAcceptance] = [:]
  private var byGroup: [String: GroupAcceptance] = [:]

  /// Where a line whose source the table no longer holds is counted.
  static let unknownSource = "(not in the table)"

  init(sources: [SourceExample], schedule: SourceSchedule, groupColumn: String?) {
    self.sources = sources
    self.schedule = schedule
    self.groupColumn = groupColumn
    sourceAt = Dictionary(sources.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// One candidate from the source at `path`, accepted (a manifest line) or turned down (a `rejected.jsonl` line).
  mutating func candidate(from path: String, accepted: Bool) {
    update(path) { counts in
      if accepted { counts.made += 1 } else { counts.rejected += 1 }
    }
  }

  /// A sample giving up the source at `path`.
  mutating func skipped(_ path: String) {
    update(path) { $0.sourcesSkipped += 1 }
  }

  /// Sample `index`, made from the source at `path`, or not made (`nil`).
  mutating func sample(_ index: Int, madeFrom path: String?) {
    let planned = sources[schedule.source(forSample: index)]
    let made = path.flatMap { sourceAt[$0] }.map { sources[$0] }
    Self.count(&byLabel[planned.label, default: GroupAcceptance()], planned: planned.label, made: made?.label, failed: path == nil)
    if groupColumn != nil {
      let group = planned.group ?? ""
      Self.count(&byGroup[group, default: GroupAcceptance()], planned: group, made: made.map { $0.group ?? "" }, failed: path == nil)
    }
  }

  var acceptance: Acceptance {
    Acceptance(byLabel: byLabel, groupColumn: groupColumn, byGroup: groupColumn == nil ? nil : byGroup)
  }

  private static func count(_ counts: inout GroupAcceptance, planned: String, made: String?, failed: Bool) {
    counts.planned += 1
    if failed {
      counts.failed += 1
    } else if made != planned {
      counts.madeElsewhere += 1
    }
  }

  private mutating func update(_ path: String, _ change: (inout GroupAcceptance) -> Void) {
    let source = sourceAt[path].map { sources[$0] }
    change(&byLabel[source?.label ?? Self.unknownSource, default: GroupAcceptance()])
    if groupColumn != nil {
      change(&byGroup[source.map { $0.group ?? "" } ?? Self.unknownSource, default: GroupAcceptance()])
    }
  }
}
