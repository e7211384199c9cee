import Foundation
import MediaIO

/// Two error analyses of the same kind of data, before and after retraining with augmented samples, slice by
/// slice and class by class: what `augment compare` prints.
///
/// Each change is after minus before, with its interval at ``confidence``. When the two tables hold the same
/// examples (the same ids, each with the same label and tags: one dev set scored by two models) the comparison is
/// paired: each slice's examples are counted by what happened to each (``PairedOutcomes``), the verdict is the
/// exact McNemar test's and the interval Newcombe's square-and-add interval for paired proportions. Outcomes of
/// the same examples are usually positively correlated, so this sees a drop that treating the tables as
/// independent would put down to chance. Otherwise the tables are independent samples: Newcombe's hybrid score
/// interval for two independent proportions (``ProportionDifference``), the verdict whether it excludes zero, and
/// ``pairingNote`` says why they were not paired.
///
/// ## JSON schema (format version 2)
/// All rates are fractions. An optional figure is left out when it is undefined.
/// ```
/// {
///   "formatVersion": 2,
///   "before": {"dataset": "/abs/before.csv", "rowCount": 5000, "weighted": false, "media": ["audio"]},
///   "after": {"dataset": "/abs/after.csv", "rowCount": 5000, "weighted": false, "media": ["audio"]},
///   "confidence": 0.95,
///   "paired": true,
///   "pairingNote": "...",                    // why the tables are not paired; absent when paired
///   "interval": "newcombe-paired-square-and-add",   // or "newcombe-hybrid-score" when not paired
///   "scoreRule": {"threshold": 0.1, "direction": "lower-is-better"},   // absent: exact match
///   "hlpTable": "hlp.csv",                   // absent without --hlp
///   "manifests": ["augmented/car-noise/manifest.jsonl"],   // absent without --manifests
///   "unmatchedSamples": {"blurry": 40},      // manifest slices neither table has; absent without --manifests
///   "otherMediaSamples": {"image": {"blurry": 40}},   // samples of another kind than the tables'; not counted
///   "slices": [SLICE, ...],                  // tags by name, then "untagged", then "overall"
///   "classes": [CLASS, ...],                 // empty when either table has no per-class metrics
///   "classificationNote": "...",             // why classes is empty, or which classes are never labelled
/// }
/// SLICE = {name, before: SIDE, after: SIDE, accuracyChange: CHANGE, paired: PAIRED, samplesAdded, verdict}
/// SIDE = {count, errors, accuracy, hlpAccuracy, gapToHLP}
/// CHANGE = {estimate, lower, upper}
/// PAIRED = {bothRight, becameWrong, becameRight, bothWrong, pValue}   // exact McNemar; absent when not paired
/// CLASS = {label, before: {label, precision, recall, f1, support, predicted}, after: {...},
///          recallChange: CHANGE, paired: PAIRED, precisionChange: CHANGE, f1Change, verdict}
/// verdict = "improved" | "dropped" | "worse-not-significant" | "no-clear-change" | "only-before" | "only-after"
/// ```
public struct ComparisonReport: Codable, Equatable, Sendable {
  /// The schema version this code writes.
  public static let currentFormatVersion = 2
  /// The ``interval`` of tables compared as independent samples.
  public static let newcombeInterval = "newcombe-hybrid-score"
  /// The ``interval`` of paired tables.
  public static let pairedInterval = "newcombe-paired-square-and-add"

  /// One of the two analyses compared.
  public struct Analysis: Codable, Equatable, Sendable {
    public var dataset: String
    public var rowCount: Int
    /// Whether the table has weights; the comparison counts examples all the same.
    public var weighted: Bool
    /// The kinds of media its rows point at (`audio`, `image`), sorted; `nil` when only the analysis was given.
    public var media: [String]?

    public init(dataset: String, rowCount: Int, weighted: Bool, media: [String]? = nil) {
      self.dataset = dataset
      self.rowCount = rowCount
      self.weighted = weighted
      self.media = media
    }
  }

  public var formatVersion: Int
  public var before: Analysis
  public var after: Analysis
  /// The confidence level of every interval, e.g. 0.95.
  public var confidence: Double
  /// Whether the tables hold the same examples and were compared example by example.
  public var paired: Bool
  /// Why the tables were not paired; `nil` when they were.
  public var pairingNote: String?
  /// How the intervals are computed: ``pairedInterval`` or ``newcombeInterval``.
  public var interval: String
  /// `nil` when correctness is exact match of prediction and label.
  public var scoreRule: ScoreRule?
  public var hlpTable: String?
  /// `nil` when no manifest was given.
  public var manifests: [String]?
  /// Samples the manifests made for slices that neither table has, by slice; `nil` without manifests. The
  /// overall slice's ``SliceComparison/samplesAdded`` counts them too.
  public var unmatchedSamples: [String: Int]?
  /// Samples whose media is of another kind than the tables' (kind, then slice): counted nowhere else.
  public var otherMediaSamples: [String: [String: Int]]?
  /// Every tag of either table by name, then the untagged slice (when either table has one), then overall.
  public var slices: [SliceComparison]
  /// Every class labelled in either table, in class order; empty without per-class metrics in both tables.
  public var classes: [ClassComparison]
  /// Why ``classes`` is empty, or which classes are left out because no example of either table has them.
  public var classificationNote: String?

  /// Compares two tables, example by example when they hold the same examples; `samples` are the augmentation
  /// manifests' counts, of which only those of the tables' kind of media are counted.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1;
  ///   ``ComparisonError/differentMedia(before:after:)`` for tables of different kinds of media;
  ///   ``ComparisonError/noSharedSlices(before:after:)`` when the tables have tags but none in common;
  ///   ``ComparisonError/incomparableAnalyses(_:)`` when the analyses use different score rules or HLP tables;
  ///   what analysing a table throws.
  public init(
    before: ErrorTable, after: ErrorTable, options: AnalysisOptions = AnalysisOptions(),
    samples: ManifestCounts? = nil, confidence: Double = 0.95
  ) throws {
    let level = try ConfidenceLevel(confidence)
    let kinds = (before.mediaKinds, after.mediaKinds)
    if !kinds.0.isEmpty, !kinds.1.isEmpty, kinds.0 != kinds.1 {
      throw ComparisonError.differentMedia(
        before: "\(before.source.relativePath) (\(kinds.0.summary))", after: "\(after.source.relativePath) (\(kinds.1.summary))")
    }
    let tags = (before.tags, after.tags)
    if !(tags.0.isEmpty && tags.1.isEmpty), Set(tags.0).isDisjoint(with: tags.1) {
      throw ComparisonError.noSharedSlices(
        before: "\(before.source.relativePath) (\(tags.0.isEmpty ? "no tags" : tags.0.joined(separator: ", ")))",
        after: "\(after.source.relativePath) (\(tags.1.isEmpty ? "no tags" : tags.1.joined(separator: ", ")))")
    }
    let pairing = TablePairing.pair(before, after)
    try self.init(
      before: try AnalysisReport(table: before, options: options), after: try AnalysisReport(table: after, options: options),
      pairing: pairing, media: kinds.0.union(kinds.1), samples: samples, level: level)
  }

  /// Compares two analyses as independent samples (the rows are not at hand to pair); `samples` are the
  /// augmentation manifests' counts.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1, and
  ///   ``ComparisonError/incomparableAnalyses(_:)`` when the analyses use different score rules or HLP tables.
  public init(
    before: AnalysisReport, after: AnalysisReport, samples: ManifestCounts? = nil, confidence: Double = 0.95
  ) throws {
    try self.init(
      before: before, after: after,
      pairing: .failure(.init("only the analyses were given, not the tables' rows")), media: [], samples: samples,
      level: try ConfidenceLevel(confidence))
  }

  private init(
    before: AnalysisReport, after: AnalysisReport, pairing: Result<TablePairing, TablePairing.Unpaired>,
    media: Set<MediaFormat.Kind>, samples: ManifestCounts?, level: ConfidenceLevel
  ) throws {
    guard before.scoreRule == after.scoreRule else {
      throw ComparisonError.incomparableAnalyses(
        "correct when \(ScoreRule.condition(of: before.scoreRule)) before "
          + "but when \(ScoreRule.condition(of: after.scoreRule)) after")
    }
    guard before.hlpTable == after.hlpTable else {
      throw ComparisonError.incomparableAnalyses(
        "HLP from \(before.hlpTable ?? "human labels") before but from \(after.hlpTable ?? "human labels") after")
    }
    let pairs = try? pairing.get()
    let tableMedia = media.isEmpty ? nil : media.map(\.rawValue).sorted()
    formatVersion = Self.currentFormatVersion
    self.before = Analysis(dataset: before.dataset, rowCount: before.rowCount, weighted: before.weighted, media: tableMedia)
    self.after = Analysis(dataset: after.dataset, rowCount: after.rowCount, weighted: after.weighted, media: tableMedia)
    confidence = level.confidence
    paired = pairs != nil
    if case .failure(let unpaired) = pairing { pairingNote = unpaired.reason } else { pairingNote = nil }
    interval = pairs == nil ? Self.newcombeInterval : Self.pairedInterval
    scoreRule = before.scoreRule
    hlpTable = before.hlpTable
    manifests = samples?.manifests
    let split = samples?.split(keeping: media)
    let other = (split?.other ?? [:]).filter { !$0.value.isEmpty }
    otherMediaSamples = other.isEmpty ? nil : Dictionary(uniqueKeysWithValues: other.map { ($0.key.rawValue, $0.value) })

    func slice(named name: String, in report: AnalysisReport) -> SliceMetrics? {
      switch name {
      case "overall": report.overall
      case "untagged": report.untagged
      default: report.slices.first { $0.name == name }
      }
    }
    let tags = Set(before.slices.map(\.name)).union(after.slices.map(\.name)).sorted()
    let names = tags + ["untagged", "overall"]
    func belongs(to name: String) -> (ErrorRow) -> Bool {
      switch name {
      case "overall": { _ in true }
      case "untagged": \.isUntagged
      default: { $0.tags.contains(name) }
      }
    }
    let counted = split?.kept
    slices = names.compactMap { name in
      let added = counted.map { name == "overall" ? $0.values.reduce(0, +) : $0[name] ?? 0 }
      return SliceComparison(
        name: name, before: slice(named: name, in: before), after: slice(named: name, in: after),
        paired: pairs?.outcomes(where: belongs(to: name)), samplesAdded: added, level: level)
    }
    unmatchedSamples = counted?.filter { !names.contains($0.key) }

    switch (before.classification, after.classification) {
    case (let first?, let second?):
      let labels = ClassificationMetrics.sortedClasses(Set(first.classes).union(second.classes))
      classes = labels.compactMap { label in
        ClassComparison(
          label: label, before: first, after: second, paired: pairs?.outcomes { $0.label == label }, level: level)
      }
      let unlabelled = labels.filter { label in !classes.contains { $0.label == label } }
      classificationNote =
        unlabelled.isEmpty
        ? nil
        : "predicted but never a label in either table, so without recall: "
          + unlabelled.map { "'\($0)'" }.joined(separator: ", ")
    default:
      classes = []
      let notes = [("before", before), ("after", after)].compactMap { side, report in
        report.classificationNote.map { "\(side): \($0)" }
      }
      classificationNote =
        "no per-class comparison: "
        + (notes.isEmpty ? "a table has no per-class metrics" : notes.joined(separator: "; "))
    }
  }

  /// The slices and classes whose accuracy (recall) is lower after but not significantly, shown as such.
  public var worseNotSignificant: (slices: [SliceComparison], classes: [ClassComparison]) {
    (slices.filter { $0.verdict == .worseNotSignificant }, classes.filter { $0.verdict == .worseNotSignificant })
  }

  /// The slices and classes that got significantly worse, the comparison's warning.
  public var dropped: (slices: [SliceComparison], classes: [ClassComparison]) {
    (slices.filter { $0.verdict == .dropped }, classes.filter { $0.verdict == .dropped })
  }

  /// Whether any slice or class dropped.
  public var hasDrops: Bool {
    let dropped = dropped
    return !dropped.slices.isEmpty || !dropped.classes.isEmpty
  }

  /// The report as JSON with sorted keys.
  public func jsonData() throws -> Data {
    try JSONFormat.encode(self)
  }
}
