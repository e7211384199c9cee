import Foundation

/// The result of analysing an error-analysis table: what `augment analyze --json` prints, what `augment plan`
/// reads, and what the checklist's weakness gate consults.
///
/// ## JSON schema (format version 1)
/// All rates are fractions (0.94 means 94%). An optional figure is left out of the JSON when it is undefined;
/// each slice's `reason` says why.
/// ```
/// {
///   "formatVersion": 1,
///   "dataset": "/abs/path/errors.csv",    // the table analysed
///   "rowCount": 5000,
///   "scoreRule": {"threshold": 0.2, "direction": "lower-is-better"},   // absent: exact match
///   "weighted": false,                    // true when the table has a weight column
///   "hlpTable": "hlp.csv",                // absent without --hlp
///   "sourceExamples": 2820,               // untagged rows the model got right (augmentation sources)
///   "slices": [SLICE, ...],               // one per tag, in rank order
///   "untagged": SLICE,                    // absent when every row has a tag
///   "overall": SLICE,
///   "classification": {classes, confusionMatrix, perClass: [{label, precision, recall, f1, support,
///                      predicted}], macro: {precision, recall, f1}, micro: {...}, accuracy, majorityClass,
///                      majorityBaseline, warnings},
///   "classificationNote": "...",          // why classification is absent
///   "groups": [{column, groups: [SLICE, ...], largestGap: {best, worst, accuracyDifference}}]
/// }
/// SLICE = {name, count, errors, humanJudged, hlpSource ("hlp-table" | "human-labels"), share, accuracy,
///          errorRate, errorShare, hlpAccuracy, gapToHLP, potentialGain,
///          weighted: {total, share, accuracy, errorRate, errorShare, hlpAccuracy, gapToHLP, potentialGain},
///          rank, reason}
/// ```
public struct AnalysisReport: Codable, Equatable, Sendable {
  /// The schema version this code writes and reads.
  public static let currentFormatVersion = 1

  public var formatVersion: Int
  public var dataset: String
  public var rowCount: Int
  /// `nil` when correctness is exact match of prediction and label.
  public var scoreRule: ScoreRule?
  /// Whether the table has weights; ranking then uses the weighted figures.
  public var weighted: Bool
  public var hlpTable: String?
  /// Untagged rows the model got right: the examples augmentation starts from.
  public var sourceExamples: Int
  /// One slice per tag, in rank order.
  public var slices: [SliceMetrics]
  /// The rows without tags, ranked with the tags; `nil` when every row has a tag.
  public var untagged: SliceMetrics?
  public var overall: SliceMetrics
  public var classification: ClassificationMetrics?
  /// Why ``classification`` is `nil`.
  public var classificationNote: String?
  public var groups: [GroupAudit]

  /// Analyses `table`.
  /// - Throws: ``TableError`` when a group column is not in the table, or the table has no rows.
  public init(table: ErrorTable, options: AnalysisOptions = AnalysisOptions()) throws {
    let path = table.source.relativePath
    let extraColumns = table.extraColumns
    for column in options.groupColumns where !extraColumns.contains(column) {
      let exists = table.columns.contains { $0.caseInsensitiveCompare(column) == .orderedSame }
      throw TableError(
        path: path, line: 1,
        kind: exists ? .notAGroupColumn(column, groupColumns: extraColumns) : .unknownColumn(column, expected: extraColumns))
    }
    let measurer = SliceMeasurer(table: table, hlp: options.hlp)
    guard var overall = measurer.measure("overall", rows: table.rows, hlpKey: "overall") else {
      throw TableError(path: path, line: 2, kind: .noDataRows)
    }
    overall.reason = "all rows"
    let tagged = table.tags.compactMap { tag in
      measurer.measure(tag, rows: table.rows(taggedWith: tag), hlpKey: tag)
    }
    let untagged = measurer.measure("untagged", rows: table.rows.filter(\.isUntagged), hlpKey: "untagged")
    let ranked = SliceRanking.rank(tagged + (untagged.map { [$0] } ?? []), weighted: table.hasWeights)

    formatVersion = Self.currentFormatVersion
    dataset = table.source.path
    rowCount = table.rows.count
    scoreRule = table.scoreRule
    weighted = table.hasWeights
    hlpTable = options.hlp?.source
    sourceExamples = table.sourceExamples.count
    slices = ranked.filter { $0.name != "untagged" }
    self.untagged = ranked.first { $0.name == "untagged" }
    self.overall = overall
    (classification, classificationNote) = Self.classify(table, maxClasses: options.maxClasses)
    groups = options.groupColumns.map { GroupAudit(column: $0, rows: table.rows, measurer: measurer) }
  }

  private static func classify(_ table: ErrorTable, maxClasses: Int) -> (ClassificationMetrics?, String?) {
    if table.scoreRule != nil {
      return (nil, "no per-class metrics: correctness comes from a score threshold, not from classes")
    }
    let pairs = table.rows.compactMap { row in row.prediction.map { (label: row.label, prediction: $0) } }
    let classCount = Set(pairs.flatMap { [$0.label, $0.prediction] }).count
    guard classCount <= maxClasses else {
      return (
        nil,
        "no per-class metrics: \(classCount) distinct labels and predictions exceed --max-classes \(maxClasses), "
          + "so the labels look like free text"
      )
    }
    return (ClassificationMetrics(pairs: pairs), nil)
  }

  /// The tag slices and the untagged slice together, in rank order.
  public var rankedSlices: [SliceMetrics] {
    (slices + (untagged.map { [$0] } ?? [])).sorted { ($0.rank ?? .max) < ($1.rank ?? .max) }
  }

  /// The report as JSON with sorted keys.
  public func jsonData() throws -> Data {
    try JSONFormat.encode(self)
  }

  /// Reads a report written by ``jsonData()``; `source` names it in errors.
  /// - Throws: ``PlanError/invalidReport(source:detail:)``.
  public static func decode(from data: Data, source: String) throws -> AnalysisReport {
    let report: AnalysisReport
    do {
      report = try JSONDecoder().decode(AnalysisReport.self, from: data)
    } catch let error as DecodingError {
      throw PlanError.invalidReport(source: source, detail: error.summary)
    }
    guard report.formatVersion == currentFormatVersion else {
      throw PlanError.invalidReport(
        source: source,
        detail: "format version \(report.formatVersion); this augment reads version \(currentFormatVersion)")
    }
    return report
  }
}
