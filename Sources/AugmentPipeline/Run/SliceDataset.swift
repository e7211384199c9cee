import AugmentAnalysis
import AugmentCore
import Foundation
import MediaIO

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

  /// The rows `selection` picks, with their files resolved; a path that leaves the dataset folder is an error.
  public func sources(_ selection: SourceSelection) throws -> [SourceExample] {
    let rows: [ErrorRow]
    switch selection {
    case .untaggedCorrect: rows = table.sourceExamples
    case .untagged: rows = table.rows.filter(\.isUntagged)
    case .all: rows = table.rows
    }
    return try rows.map(example)
  }

  /// The real examples of `slice` (rows tagged with it).
  public func members(of slice: String) throws -> [SourceExample] {
    try table.rows(taggedWith: slice).map(example)
  }

  /// Whether the table's media are audio or images, judged by the content of the first row's file
  /// (by its name's extension when it cannot be read); `nil` when no row has a path or neither tells.
  public var modality: Modality? {
    guard let path = table.rows.lazy.compactMap(\.path).first else { return nil }
    let format =
      paths.resolve(path).flatMap(MediaFormat.judge) ?? MediaFormat(fileExtension: (path as NSString).pathExtension)
    switch format?.kind {
    case .image: return .image
    case .audio: return .audio
    case nil: return nil
    }
  }

  private func example(_ row: ErrorRow) throws -> SourceExample {
    let path = row.path ?? row.id ?? ""
    guard !path.isEmpty, let url = paths.resolve(path) else {
      throw RunError.unsafePath(path, table: table.source.path, line: row.line)
    }
    return SourceExample(
      id: row.id ?? path, path: path, url: url, label: row.label,
      defectBox: row.extra.first { $0.key.lowercased() == "defect_box" }.flatMap { PixelBox(parsing: $0.value) })
  }
}
