import Foundation

/// A table as read from disk before any column has a meaning: the header and each record with the line it
/// starts on. Both CSV and JSON Lines files are read into this shape, so column handling is written once.
struct RawTable {
  struct Record {
    /// The 1-based line the record starts on.
    var line: Int
    /// One value per header column.
    var fields: [String]
  }

  var path: String
  var header: [String]
  var records: [Record]

  /// Reads a CSV or JSON Lines file's bytes; `source` names it in errors, and its extension picks the format when
  /// `format` is `nil` (else a file whose first non-blank character is `{` is JSON Lines).
  static func read(_ data: Data, source: URL, format: TableFormat?) throws -> RawTable {
    let path = source.relativePath
    let text = try TableText.decode(data, path: path)
    switch format ?? Self.format(of: source, text: text) {
    case .csv: return try CSVReader.read(text, path: path)
    case .jsonl: return try ManifestTable.read(text, path: path) ?? JSONLinesReader.read(text, path: path)
    }
  }

  private static func format(of source: URL, text: String) -> TableFormat {
    switch source.pathExtension.lowercased() {
    case "csv": .csv
    case "jsonl", "ndjson", "json": .jsonl
    default: text.first { !$0.isWhitespace } == "{" ? .jsonl : .csv
    }
  }
}
