import Foundation

/// Two error analyses of the same kind of data, before and after retraining with augmented samples, slice by
/// slice and class by class: what `augment compare` prints.
///
/// Each change is after minus before, with Newcombe's hybrid score interval for the difference of two
/// independent proportions (see ``ProportionDifference``) at ``confidence``. The two tables are treated as
/// independent samples. When they hold the same examples (one dev set scored by two models) the outcomes are
/// usually positively correlated and a paired interval would be narrower, so this interval errs on the side of
/// calling a change unclear.
///
/// ## JSON schema (format version 1)
/// All rates are fractions. An optional figure is left out when it is undefined.
/// ```
/// {
///   "formatVersion": 1,
///   "before": {"dataset": "/abs/before.csv", "rowCount": 5000, "weighted": false},
///   "after": {"dataset": "/abs/after.csv", "rowCount": 5000, "weighted": false},
///   "confidence": 0.95,
///   "interval": "newcombe-hybrid-score",
///   "scoreRule": {"threshold": 0.1, "direction": "lower-is-better"},   // absent: exact match
///   "hlpTable": "hlp.csv",                   // absent without --hlp
///   "manifests": ["augmented/car-noise/manifest.jsonl"],   // absent without --manifests
///   "unmatchedSamples": {"blurry": 40},      // manifest slices neither table has; absent without --manifests
///   "slices": [SLICE, ...],                  // tags by name, then "untagged", then "overall"
///   "classes": [CLASS, ...],                 // empty when either table has no per-class metrics
///   "classificationNote": "...",             // why classes is empty, or which classes are never labelled
/// }
/// SLICE = {name, before: SIDE, after: SIDE, accuracyChange: CHANGE, samplesAdded, verdict}
/// SIDE = {count, errors, accuracy, hlpAccuracy, gapToHLP}
/// CHANGE = {estimate, lower, upper}
/// CLASS = {label, before: {label, precision, recall, f1, support, predicted}, after: {...},
///          recallChange: CHANGE, precisionChange: CHANGE, f1Change, verdict}
/// verdict = "improved" | "dropped" | "no-clear-change" | "only-before" | "only-after"
/// ```
public struct ComparisonReport: Codable, Equatable, Sendable {
  /// The schema version this code writes.
  public static let currentFormatVersion = 1
  /// The ``interval`` this code computes.
  public static let newcombeInterval = "newcombe-hybrid-score"

  /// One of the two analyses compared.
  public struct Analysis: Codable, Equatable, Sendable {
    public var dataset: String
    public var rowCount: Int
    /// Whether the table has weights; the comparison counts examples all the same.
    public var weighted: Bool

    public init(dataset: String, rowCount: Int, weighted: Bool) {
      self.dataset = dataset
      self.rowCount = rowCount
      self.weighted = weighted
    }
  }

  public var formatVersion: Int
  public var before: Analysis
  public var after: Analysis
  /// The confidence level of every interval, e.g. 0.95.
  public var confidence: Double
  /// How the intervals are computed: ``newcombeInterval``.
  public var interval: String
  /// `nil` when correctness is exact match of prediction and label.
  public var scoreRule: ScoreRule?
  public var hlpTable: String?
  /// `nil` when no manifest was given.
  public var manifests: [String]?
  /// Samples the manifests made for slices that neither table has, by slice; `nil` without manifests. The
  /// overall slice's ``SliceComparison/samplesAdded`` counts them too.
  public var unmatchedSamples: [String: Int]?
  /// Every tag of either table by name, then the untagged slice (when either table has one), then overall.
  public var slices: [SliceComparison]
  /// Every class labelled in either table, in class order; empty without per-class metrics in both tables.
  public var classes: [ClassComparison]
  /// Why ``classes`` is empty, or which classes are left out because no example of either table has them.
  public var classificationNote: String?

  /// Compares two analyses; `samples` are the augmentation manifests' counts.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1, and
  ///   ``ComparisonError/incomparableAnalyses(_:)`` when the analyses use different score rules or HLP tables.
  public init(
    before: AnalysisReport, after: AnalysisReport, samples: ManifestCounts? = nil, confidence: Double = 0.95
  ) throws {
    let z = try NormalQuantile.twoSided(confidence: confidence)
    guard before.scoreRule == after.scoreRule else {
      throw ComparisonError.incomparableAnalyses(
        "correct when \(ScoreRule.condition(of: before.scoreRule)) before "
          + "but when \(ScoreRule.condition(of: after.scoreRule)) after")
    }
    guard before.hlpTable == after.hlpTable else {
      throw ComparisonError.incomparableAnalyses(
        "HLP from \(before.hlpTable ?? "human labels") before but from \(after.hlpTable ?? "human labels") after")
    }
    formatVersion = Self.currentFormatVersion
    self.before = Analysis(dataset: before.dataset, rowCount: before.rowCount, weighted: before.weighted)
    self.after = Analysis(dataset: after.dataset, rowCount: after.rowCount, weighted: after.weighted)
    self.confidence = confidence
    interval = Self.newcombeInterval
    scoreRule = before.scoreRule
    hlpTable = before.hlpTable
    manifests = samples?.manifests

    func slice(named name: String, in report: AnalysisReport) -> SliceMetrics? {
      switch name {
      case "overall": report.overall
      case "untagged": report.untagged
      default: report.slices.first { $0.name == name }
      }
    }
    let tags = Set(before.slices.map(\.name)).union(after.slices.map(\.name)).sorted()
    let names = tags + ["untagged", "overall"]
    slices = names.compactMap { name in
      let added = samples.map { name == "overall" ? $0.total : $0.samplesBySlice[name] ?? 0 }
      return SliceComparison(
        name: name, before: slice(named: name, in: before), after: slice(named: name, in: after),
        samplesAdded: added, z: z)
    }
    unmatchedSamples = samples?.samplesBySlice.filter { !names.contains($0.key) }

    switch (before.classification, after.classification) {
    case (let first?, let second?):
      let labels = ClassificationMetrics.sortedClasses(Set(first.classes).union(second.classes))
      classes = labels.compactMap { ClassComparison(label: $0, before: first, after: second, z: z) }
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

  /// The slices and classes that got worse, the comparison's warning.
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
