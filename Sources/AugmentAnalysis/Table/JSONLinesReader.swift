import Foundation

/// Reads JSON Lines: one flat JSON object per line, blank lines skipped. The columns are the keys in the order
/// they are first seen; a key missing from a line reads as an empty cell, like an empty CSV field. Values may be
/// strings, numbers, booleans or null (empty); an array of strings is joined with `;`, so a `tags` array reads
/// like the CSV `tags` column.
enum JSONLinesReader {
  static func read(_ text: String, path: String) throws -> RawTable {
    var header: [String] = []
    var columnIndex: [String: Int] = [:]
    var objects: [(line: Int, cells: [String: String])] = []
    let decoder = JSONDecoder()
    for (offset, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = offset + 1
      guard !lineText.allSatisfy(\.isWhitespace) else { continue }
      let cells: [String: Cell]
      do {
        cells = try decoder.decode([String: Cell].self, from: Data(lineText.utf8))
      } catch let error as DecodingError {
        throw TableError(path: path, line: line, kind: .invalidJSON(error.summary))
      }
      // Key order within a line is not kept by the decoder; sorting makes the column order reproducible.
      for key in cells.keys.sorted() where columnIndex[key] == nil {
        columnIndex[key] = header.count
        header.append(key)
      }
      if let listed = cells.keys.sorted().first(where: { cells[$0]!.isList && $0.lowercased() != "tags" }) {
        throw TableError(
          path: path, line: line, kind: .invalidJSON("'\(listed)' is a list; only 'tags' may hold a list of strings"))
      }
      objects.append((line, cells.mapValues(\.text)))
    }
    let records = objects.map { object in
      RawTable.Record(line: object.line, fields: header.map { object.cells[$0] ?? "" })
    }
    return RawTable(path: path, header: header, records: records)
  }

  /// One JSON value, kept as the text a CSV cell would hold.
  private struct Cell: Decodable {
    var text: String
    /// Whether the value was an array (joined into `text`), which only the `tags` column may hold.
    var isList = false

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        text = ""
      } else if let value = try? container.decode(Bool.self) {
        text = String(value)
      } else if let value = try? container.decode(Int.self) {
        text = String(value)
      } else if let value = try? container.decode(Double.self) {
        text = String(value)
      } else if let value = try? container.decode(String.self) {
        text = value
      } else if let values = try? container.decode([String].self) {
        text = values.joined(separator: ";")
        isList = true
      } else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "a nested object or an array of non-strings")
      }
    }
  }
}
