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

  /// Reads the dataset: a table (CSV or JSON Lines), or a folder in one of the layouts ``FolderDataset`` reads,
  /// whose predictions and tags come from `predictions`.
  /// - Parameters:
  ///   - mediaRoot: the folder the table's paths are relative to (`--media-root`); by default the table's own
  ///     folder, or the dataset folder itself. Paths may not leave it unless `allowOutsidePaths`.
  public init(tableURL: URL, predictions: URL? = nil, mediaRoot: URL? = nil, allowOutsidePaths: Bool = false) throws {
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: tableURL.path, isDirectory: &isFolder)
    if isFolder.boolValue {
      table = try FolderDataset.load(from: tableURL, predictions: predictions)
    } else {
      if predictions != nil { throw RunError.predictionsNeedAFolder(tableURL.relativePath) }
      table = try ErrorTable.load(from: tableURL)
    }
    report = try AnalysisReport(table: table)
    let root = mediaRoot ?? (isFolder.boolValue ? tableURL : tableURL.deletingLastPathComponent())
    paths = DatasetPaths(root: root, allowOutside: allowOutsidePaths)
  }

  /// The rows `selection` picks among those every filter accepts. Filters on one column accept any of their
  /// values; filters on different columns must all accept a row.
  public func eligibleRows(_ selection: SourceSelection, where filters: [SourceFilter] = []) throws -> [ErrorRow] {
    var accepted: [String: Set<String>] = [:]
    for filter in filters {
      accepted[try column(named: filter.column, for: "--sources-where"), default: []].insert(filter.value)
    }
    return selectedRows(selection).filter { row in
      accepted.allSatisfy { column, values in values.contains(row.extra[column] ?? "") }
    }
  }

  /// Checks, as written and without touching the disk, that every row's path stays inside the dataset folder.
  /// - Throws: ``DatasetPathError`` naming the table line of a path that leaves the folder.
  public func checkWrittenPaths(of rows: [ErrorRow]) throws {
    for row in rows {
      do {
        try paths.checkWritten(Self.path(of: row))
      } catch {
        throw located(error, row)
      }
    }
  }

  /// The real examples of `slice` (rows tagged with it), from every split: realism is calibrated on all of
  /// them; of a larger slice, `limit` spread evenly through the table, so calibration costs the same on a
  /// million rows as on a thousand.
  public func members(of slice: String, limit: Int = .max) throws -> [SourceExample] {
    try examples(Self.evenlySpaced(table.rows(taggedWith: slice), limit: limit))
  }

  /// Every row of the table, or `limit` of them spread evenly through it.
  public func clips(limit: Int = .max) throws -> [SourceExample] {
    try examples(Self.evenlySpaced(table.rows, limit: limit))
  }

  /// All of `rows` when there are at most `limit`, else `limit` of them at even steps, in table order.
  static func evenlySpaced<Element>(_ rows: [Element], limit: Int) -> [Element] {
    guard rows.count > limit else { return rows }
    return (0..<limit).map { rows[$0 * rows.count / limit] }
  }

  /// `rows` with their files resolved; a path that leaves the dataset folder is an error.
  public func examples(_ rows: [ErrorRow]) throws -> [SourceExample] {
    try rows.map(example)
  }

  /// `rows` as examples, only those at the positions in `reached` resolved on disk (links followed and
  /// confined); the others carry their path as written and checked by ``checkWrittenPaths(of:)``, for a
  /// run that never reads them.
  public func examples(_ rows: [ErrorRow], resolving reached: Set<Int>) throws -> [SourceExample] {
    try rows.enumerated().map { position, row in
      if reached.contains(position) { return try example(row) }
      let path = Self.path(of: row)
      do throws(DatasetPathError) {
        return exampleValue(row, path: path, url: try paths.written(path))
      } catch {
        throw located(error, row)
      }
    }
  }

  /// The stratum of each row under `balance`: its label, one shared stratum, or its value in the column.
  public func strata(of rows: [ErrorRow], balance: SourceBalance) throws -> [String] {
    switch balance {
    case .label: return rows.map(\.label)
    case .none: return rows.map { _ in "" }
    case .column(let name):
      let column = try column(named: name, for: "--balance")
      return rows.map { $0.extra[column] ?? "" }
    }
  }

  /// The table's descriptive column called `name` (compared case-insensitively), as the header writes it.
  public func column(named name: String, for option: String) throws -> String {
    let columns = table.extraColumns
    guard let column = columns.first(where: { $0.lowercased() == name.lowercased() }) else {
      throw RunError.unknownColumn(name, table: table.source.relativePath, option: option, available: columns)
    }
    return column
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

  private func selectedRows(_ selection: SourceSelection) -> [ErrorRow] {
    switch selection {
    case .untaggedCorrect: table.sourceExamples
    case .untagged: table.rows.filter(\.isUntagged)
    case .all: table.rows
    }
  }

  private func example(_ row: ErrorRow) throws -> SourceExample {
    let path = Self.path(of: row)
    let url: URL
    do {
      url = try paths.resolved(path)
    } catch {
      throw located(error, row)
    }
    return exampleValue(row, path: path, url: url)
  }

  private func exampleValue(_ row: ErrorRow, path: String, url: URL) -> SourceExample {
    SourceExample(
      id: row.id ?? path, path: path, url: url, label: row.label,
      defectBox: row.extra.first { $0.key.lowercased() == "defect_box" }.flatMap { PixelBox(parsing: $0.value) })
  }

  /// The media path a row names: its `path`, else its `id`.
  public static func path(of row: ErrorRow) -> String { row.path ?? row.id ?? "" }

  private func located(_ error: DatasetPathError, _ row: ErrorRow) -> DatasetPathError {
    DatasetPathError(path: error.path, problem: error.problem, location: "\(table.source.path):\(row.line)")
  }
}
