/// How the checklist treated the sources of each label, and of each value of `--group-column`: `summary.json`'s
/// `acceptance`.
///
/// A gate that rejects one group's candidates far more than the others' narrows the data the model learns from:
/// that group's samples come from fewer of its sources, or from other groups' sources. On real data that cost more
/// than the gate gained, so a run counts what happened per group and says when one stands out (``GateImbalance``).
public struct Acceptance: Sendable, Equatable, Codable {
  /// By the label of each candidate's source.
  public var byLabel: [String: GroupAcceptance]
  /// The table column `byGroup` groups sources by (`--group-column`), as the table's header spells it.
  public var groupColumn: String?
  public var byGroup: [String: GroupAcceptance]?
  /// The labels and groups the gate turned down far more often than the rest.
  public var imbalances: [GateImbalance]

  public init(byLabel: [String: GroupAcceptance], groupColumn: String?, byGroup: [String: GroupAcceptance]?) {
    self.byLabel = byLabel
    self.groupColumn = groupColumn
    self.byGroup = byGroup
    imbalances = GateImbalance.find(in: byLabel, of: "label")
    if let groupColumn, let byGroup { imbalances += GateImbalance.find(in: byGroup, of: groupColumn) }
  }

  /// The counts of a folder's shards added up, as one run over all their indices counts them.
  /// - Returns: `nil` when some shard did not count them (a summary written before they were).
  static func merging(_ shards: [Acceptance?]) -> Acceptance? {
    guard let first = shards.first ?? nil, !shards.contains(where: { $0 == nil }) else { return nil }
    func add(_ tables: [[String: GroupAcceptance]?]) -> [String: GroupAcceptance]? {
      guard let first = tables.first ?? nil else { return nil }
      return tables.dropFirst().reduce(first) { total, table in total.merging(table ?? [:], uniquingKeysWith: +) }
    }
    let all = shards.compactMap { $0 }
    return Acceptance(
      byLabel: add(all.map(\.byLabel))!, groupColumn: first.groupColumn, byGroup: add(all.map(\.byGroup)))
  }

  /// What the summary's notes and the terminal say: each imbalance, then the labels whose planned samples were not
  /// all made from their own sources.
  public var notes: [String] {
    imbalances.map(\.description) + (shortfallNote.map { [$0] } ?? [])
  }

  /// The most labels ``shortfallNote`` names; a table whose labels are transcripts may have thousands.
  static let shortfallsNamed = 10

  /// One note on the labels short of their planned samples, the largest shortfalls first; `nil` when none is.
  var shortfallNote: String? {
    let short = byLabel.filter { $0.value.madeElsewhere + $0.value.failed > 0 }.sorted { a, b in
      let (x, y) = (a.value.madeElsewhere + a.value.failed, b.value.madeElsewhere + b.value.failed)
      return x != y ? x > y : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }
    guard !short.isEmpty else { return nil }
    let named = short.prefix(Self.shortfallsNamed).map { label, counts in
      var parts: [String] = []
      if counts.madeElsewhere > 0 { parts.append("\(counts.madeElsewhere) from other labels") }
      if counts.failed > 0 { parts.append("\(counts.failed) not made") }
      let own = counts.planned - counts.madeElsewhere - counts.failed
      return "“\(label)” \(own) of \(counts.planned) (\(parts.joined(separator: ", ")))"
    }
    let more = short.count > Self.shortfallsNamed ? " and \(short.count - Self.shortfallsNamed) more (by_label)" : ""
    return "\(short.count) label\(short.count == 1 ? "" : "s") made fewer samples from \(short.count == 1 ? "its" : "their") "
      + "own sources than planned: \(named.joined(separator: ", "))\(more). A sample moves to another label only once "
      + "every source of its own was tried; add sources of these labels, or see skipped_sources for why theirs were "
      + "given up"
  }

  enum CodingKeys: String, CodingKey {
    case byLabel = "by_label", groupColumn = "group_column", byGroup = "by_group", imbalances
  }
}

/// What happened to the samples planned from one label's (or group's) sources and to the candidates made from them.
public struct GroupAcceptance: Sendable, Equatable, Codable {
  /// Sample indices whose first scheduled source is in the group (of the indices run; all of them once a run ends).
  public var planned = 0
  /// Samples made from the group's sources: its accepted candidates, the manifest's lines.
  public var made = 0
  /// Of `planned`, samples made from another group's source after the group's were given up.
  public var madeElsewhere = 0
  /// Of `planned`, indices no source gave an acceptable candidate (they are in `failed_indices`).
  public var failed = 0
  /// Candidates from the group's sources turned down: its lines of `rejected.jsonl`, including a source's one
  /// line when it could not be read or judged at all.
  public var rejected = 0
  /// How many times a sample gave up one of the group's sources (as `skipped_sources`' `times` add up).
  public var sourcesSkipped = 0

  public init() {}

  /// The lines of `manifest.jsonl` and `rejected.jsonl` from the group's sources.
  public var candidates: Int { made + rejected }

  /// The share of those candidates that was accepted; `nil` with none.
  public var acceptance: Double? { candidates > 0 ? Double(made) / Double(candidates) : nil }

  static func + (a: GroupAcceptance, b: GroupAcceptance) -> GroupAcceptance {
    var sum = a
    sum.planned += b.planned
    sum.made += b.made
    sum.madeElsewhere += b.madeElsewhere
    sum.failed += b.failed
    sum.rejected += b.rejected
    sum.sourcesSkipped += b.sourcesSkipped
    return sum
  }

  enum CodingKeys: String, CodingKey {
    case planned, made, failed, rejected, candidates, acceptance
    case madeElsewhere = "made_elsewhere", sourcesSkipped = "sources_skipped"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    planned = try container.decode(Int.self, forKey: .planned)
    made = try container.decode(Int.self, forKey: .made)
    madeElsewhere = try container.decode(Int.self, forKey: .madeElsewhere)
    failed = try container.decode(Int.self, forKey: .failed)
    rejected = try container.decode(Int.self, forKey: .rejected)
    sourcesSkipped = try container.decode(Int.self, forKey: .sourcesSkipped)
  }

  /// Writes the counts and, for readers of `summary.json`, `candidates` and `acceptance` computed from them.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(planned, forKey: .planned)
    try container.encode(made, forKey: .made)
    try container.encode(madeElsewhere, forKey: .madeElsewhere)
    try container.encode(failed, forKey: .failed)
    try container.encode(rejected, forKey: .rejected)
    try container.encode(sourcesSkipped, forKey: .sourcesSkipped)
    try container.encode(candidates, forKey: .candidates)
    try container.encodeIfPresent(acceptance, forKey: .acceptance)
  }
}
