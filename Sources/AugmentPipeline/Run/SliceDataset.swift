import AugmentAnalysis
import AugmentCore
import Foundation

/// The error-analysis table a run works from: which examples to start from, which are real members of
/// the slice (for calibration), and the analysis that says whether the slice is worth augmenting.
public struct SliceDataset: Sendable {
  public let table: ErrorTable
  public let report: AnalysisReport
  public let paths: DatasetPaths

  /// Which rows a run may start from.
  public enum SourceSelection: String, Sendable, CaseIterable {
    /// Rows with no tag that the model got right (the default): the new sample then differs from a
    /// correctly handled example only by the slice's condition.
    case untaggedCorrect = "untagged-correct"
    /// Every row with no tag.
    case untagged
    /// Every row.
    case all
  }

  public init(tableURL: URL, allowOutsidePaths: Bool = false) throws {
    table = try ErrorTable.load(from: tableURL)
    report = try AnalysisReport(table: table)
    paths = DatasetPaths(root: tableURL.deletingLastPathComponent(), allowOutside: allowOutsidePaths)
  }

  /// The rows `selection` picks, each path checked (as written) to stay inside the dataset folder. Only the
  /// first `limit` are resolved on disk into examples: a run uses the sources from the start of the list,
  /// so a large table costs only the rows a run reads.
  /// - Throws: ``DatasetPathError`` naming the table line of a path that leaves the folder.
  public func sources(_ selection: SourceSelection, resolvingFirst limit: Int = .max) throws -> (
    examples: [SourceExample], total: Int
  ) {
    let rows: [ErrorRow]
    switch selection {
    case .untaggedCorrect: rows = table.sourceExamples
    case .untagged: rows = table.rows.filter(\.isUntagged)
    case .all: rows = table.rows
    }
    for row in rows {
      do {
        try paths.checkWritten(Self.path(of: row))
      } catch {
        throw located(error, row)
      }
    }
    return (try rows.prefix(limit).map(example), rows.count)
  }

  /// The real examples of `slice` (rows tagged with it); of a larger slice, `limit` spread evenly through
  /// the table, so calibration costs the same on a million rows as on a thousand.
  public func members(of slice: String, limit: Int = .max) throws -> [SourceExample] {
    try Self.evenlySpaced(table.rows(taggedWith: slice), limit: limit).map(example)
  }

  /// Every row of the table, or `limit` of them spread evenly through it.
  public func clips(limit: Int = .max) throws -> [SourceExample] {
    try Self.evenlySpaced(table.rows, limit: limit).map(example)
  }

  /// All of `rows` when there are at most `limit`, else `limit` of them at even steps, in table order.
  static func evenlySpaced<Element>(_ rows: [Element], limit: Int) -> [Element] {
    guard rows.count > limit else { return rows }
    return (0..<limit).map { rows[$0 * rows.count / limit] }
  }

  /// Whether the table's media are audio or images, judged by the first row with a path.
  public var modality: Modality? {
    guard let path = table.rows.lazy.compactMap(\.path).first else { return nil }
    return path.lowercased().hasSuffix(".png") ? .image : .audio
  }

  private func example(_ row: ErrorRow) throws -> SourceExample {
    let path = Self.path(of: row)
    let url: URL
    do {
      url = try paths.resolved(path)
    } catch {
      throw located(error, row)
    }
    return SourceExample(
      id: row.id ?? path, path: path, url: url, label: row.label,
      defectBox: row.extra.first { $0.key.lowercased() == "defect_box" }.flatMap { PixelBox(parsing: $0.value) })
  }

  private static func path(of row: ErrorRow) -> String { row.path ?? row.id ?? "" }

  private func located(_ error: DatasetPathError, _ row: ErrorRow) -> DatasetPathError {
    DatasetPathError(path: error.path, problem: error.problem, location: "\(table.source.path):\(row.line)")
  }
}
