import Foundation

/// The cells a folder dataset's rows gather, file by file, from the folder itself, its metadata tables and the
/// predictions table; columns are matched case-insensitively and keep the spelling they were first given.
struct MergedColumns {
  private(set) var header: [String] = []
  private var columnIndex: [String: Int] = [:]
  private var cells: [String: [Int: String]] = [:]
  /// The line of each table that gave a file its cells, by table path.
  private var lines: [String: [String: Int]] = [:]
  /// The line of the last table joined to each file, for messages about the row.
  private var lastLine: [String: Int] = [:]

  init(files: [String]) {
    for file in files { cells[file] = [:] }
  }

  mutating func set(_ column: String, _ value: String, for file: String) {
    cells[file]![index(of: column)] = value
  }

  /// The file's non-empty value in `column`, if any.
  func value(_ column: String, for file: String) -> String? {
    guard let index = columnIndex[column.lowercased()], let value = cells[file]?[index], !value.isEmpty else {
      return nil
    }
    return value
  }

  func hasColumn(_ column: String) -> Bool { columnIndex[column.lowercased()] != nil }

  func line(of file: String, in table: String) -> Int? { lines[file]?[table] }

  func line(of file: String) -> Int? { lastLine[file] }

  /// One value per header column, empty where nothing gave one.
  func fields(of file: String) -> [String] {
    header.indices.map { cells[file]?[$0] ?? "" }
  }

  /// Adds the cells of every row of `table` to the file its `keyColumn` names.
  /// - Parameters:
  ///   - keyOf: the key a written value stands for; `keys` are the keys files have, `file` maps one to its file.
  ///   - overriding: columns the table may change (others must agree with a value already there).
  /// - Throws: ``FolderDatasetError`` for a row naming no file, a file named twice, or a disagreeing value.
  mutating func join(
    _ table: RawTable, on keyColumn: String, keyOf: (String) -> String, keys: [String],
    file: (String) -> String = { $0 }, overriding: Set<String>
  ) throws {
    let names = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
    guard let keyIndex = names.firstIndex(where: { $0.lowercased() == keyColumn }) else {
      throw TableError(path: table.path, line: 1, kind: .missingColumn(keyColumn, found: table.header))
    }
    let known = Set(keys)
    for record in table.records {
      let written = record.fields[keyIndex].trimmingCharacters(in: .whitespaces)
      let key = keyOf(written)
      guard known.contains(key) else {
        throw FolderDatasetError.unmatchedRow(table: table.path, line: record.line, key: written)
      }
      let target = file(key)
      guard lines[target, default: [:]][table.path] == nil else {
        throw FolderDatasetError.duplicateRow(table: table.path, line: record.line, key: written)
      }
      lines[target, default: [:]][table.path] = record.line
      lastLine[target] = record.line
      for (column, name) in names.enumerated() where column != keyIndex {
        let value = record.fields[column].trimmingCharacters(in: .whitespaces)
        if let existing = self.value(name, for: target), !value.isEmpty, existing != value,
          !overriding.contains(name.lowercased())
        {
          throw FolderDatasetError.conflictingValue(
            table: table.path, line: record.line, column: name, folderValue: existing, tableValue: value)
        }
        if !value.isEmpty || self.value(name, for: target) == nil { set(name, value, for: target) }
      }
    }
  }

  private mutating func index(of column: String) -> Int {
    if let index = columnIndex[column.lowercased()] { return index }
    columnIndex[column.lowercased()] = header.count
    header.append(column)
    return header.count - 1
  }
}
