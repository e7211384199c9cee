import AugmentAnalysis
import Foundation

/// Error analyses built slice by slice, for comparisons whose figures are known in advance.
enum ComparisonFixtures {
  /// A group of rows: `count` examples carrying `tags` (separated by `;`, empty for untagged), of which the model
  /// got the first `correct` right.
  struct Rows {
    var tags: String
    var count: Int
    var correct: Int
  }

  /// The analysis of a table made of `groups`; a right answer is `go` for `go`, a wrong one `stop`.
  static func analysis(_ name: String, _ groups: [Rows], hlp: HLPTable? = nil) throws -> AnalysisReport {
    var csv = "id,label,prediction,tags\n"
    var id = 0
    for group in groups {
      for index in 0..<group.count {
        id += 1
        csv += "\(id),go,\(index < group.correct ? "go" : "stop"),\(group.tags)\n"
      }
    }
    return try AnalysisReport(table: Fixtures.table(csv, name: name), options: AnalysisOptions(hlp: hlp))
  }

  /// The analysis of a table of (label, prediction, count) rows, for per-class comparisons.
  static func classification(_ name: String, _ rows: [(label: String, prediction: String, count: Int)]) throws
    -> AnalysisReport
  {
    var csv = "label,prediction\n"
    for row in rows {
      csv += String(repeating: "\(row.label),\(row.prediction)\n", count: row.count)
    }
    return try AnalysisReport(table: Fixtures.table(csv, name: name))
  }

  /// Before and after retraining: car noise improves clearly (70% → 90% of 200), people noise drops clearly
  /// (90% → 80% of 300), low bandwidth moves by 2 points on 150 examples, well within chance, and the untagged
  /// rows do not move at all.
  static func retraining(hlp: HLPTable? = nil) throws -> (before: AnalysisReport, after: AnalysisReport) {
    let before = try analysis(
      "before.csv",
      [
        Rows(tags: "car-noise", count: 200, correct: 140), Rows(tags: "people-noise", count: 300, correct: 270),
        Rows(tags: "low-bandwidth", count: 150, correct: 105), Rows(tags: "", count: 1000, correct: 950),
      ], hlp: hlp)
    let after = try analysis(
      "after.csv",
      [
        Rows(tags: "car-noise", count: 200, correct: 180), Rows(tags: "people-noise", count: 300, correct: 240),
        Rows(tags: "low-bandwidth", count: 150, correct: 108), Rows(tags: "", count: 1000, correct: 950),
      ], hlp: hlp)
    return (before, after)
  }
}
