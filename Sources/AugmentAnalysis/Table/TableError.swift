/// A problem with an input table (the error-analysis table or an `--hlp` table), naming the file and the
/// 1-based line where it was found, and saying how to fix it.
public struct TableError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public enum Kind: Equatable, Sendable {
    /// The file could not be read at all (missing, unreadable).
    case unreadable(reason: String)
    /// The file holds nothing but whitespace.
    case emptyFile
    /// The file starts with a UTF-16 or UTF-32 byte-order mark; only UTF-8 is read.
    case unsupportedEncoding(String)
    /// A byte sequence that is not UTF-8.
    case invalidUTF8
    /// A byte-order mark after the start of the file, typically from concatenating files.
    case byteOrderMarkInside
    /// A quoted field that is never closed; `line` is where the field opened.
    case unbalancedQuote
    /// A double quote inside an unquoted field, or text right after a closing quote.
    case strayQuote
    /// A record whose field count differs from the header's.
    case raggedRow(expected: Int, found: Int)
    /// A JSON Lines line that is not a flat JSON object.
    case invalidJSON(String)
    /// The header names the same column twice (names compare case-insensitively).
    case duplicateColumn(String)
    /// A required column is absent; `found` lists the header as read.
    case missingColumn(String, found: [String])
    /// A column named on the command line, or present in an `--hlp` table, that the table does not define.
    case unknownColumn(String, expected: [String])
    /// `--by` named a column that exists but holds labels, predictions, weights or tags, not groups.
    case notAGroupColumn(String, groupColumns: [String])
    /// A header but no data rows.
    case noDataRows
    /// A required cell is empty.
    case missingValue(column: String)
    /// A numeric cell that does not hold a usable number.
    case invalidNumber(column: String, value: String, expected: String)
    /// A tag column cell that is not one of 0, 1, true, false, yes, no or empty.
    case invalidBoolean(column: String, value: String)
    /// A tag spelled like one of the reserved slice names `untagged` and `overall`.
    case reservedTag(String)
    /// A tag listed twice in an `--hlp` table.
    case duplicateTag(String)
  }

  /// The file as given by the caller.
  public var path: String
  /// The 1-based line the problem was found on; `nil` only when the file could not be read.
  public var line: Int?
  public var kind: Kind

  public init(path: String, line: Int?, kind: Kind) {
    self.path = path
    self.line = line
    self.kind = kind
  }

  public var description: String {
    let location = line.map { "\(path), line \($0)" } ?? path
    return "\(location): \(message)"
  }

  private var message: String {
    switch kind {
    case .unreadable(let reason):
      return "cannot read the file (\(reason)); check the path and permissions"
    case .emptyFile:
      return "the file is empty; expected a header row naming the columns, then one row per example"
    case .unsupportedEncoding(let encoding):
      return "the file is \(encoding) (it starts with that byte-order mark); save it as UTF-8"
    case .invalidUTF8:
      return "bytes that are not UTF-8; save the file as UTF-8"
    case .byteOrderMarkInside:
      return "a byte-order mark (U+FEFF) inside the file, usually from concatenating files; remove it"
    case .unbalancedQuote:
      return "a quoted field opens here and is never closed; close it with \" (write a literal quote as \"\")"
    case .strayQuote:
      return "a double quote inside an unquoted field or after a closing quote; "
        + "enclose the whole field in quotes and double the inner quotes (\"\")"
    case .raggedRow(let expected, let found):
      return "this row has \(found) fields but the header has \(expected); "
        + "quote fields that contain commas and give every row one value per column"
    case .invalidJSON(let detail):
      return "not a flat JSON object (\(detail)); write one object per line whose values are strings, "
        + "numbers, booleans, null, or (for tags) an array of strings"
    case .duplicateColumn(let name):
      return "the column '\(name)' appears twice in the header; rename or remove one"
    case .missingColumn(let name, let found):
      return "no '\(name)' column (the header reads: \(found.joined(separator: ", "))); "
        + "the first line must be a header naming the columns"
    case .unknownColumn(let name, let expected):
      return "no column '\(name)'; expected one of: \(expected.joined(separator: ", "))"
    case .notAGroupColumn(let name, let groupColumns):
      let choices = groupColumns.isEmpty ? "this table has none" : "here: \(groupColumns.joined(separator: ", "))"
      return "'\(name)' is not a descriptive column; --by audits columns other than the known ones and tags (\(choices))"
    case .noDataRows:
      return "a header but no data rows; add one row per example"
    case .missingValue(let column):
      return "no '\(column)' value on this line (empty, null or left out); every row needs one"
    case .invalidNumber(let column, let value, let expected):
      return "'\(value)' in column '\(column)' is not \(expected)"
    case .invalidBoolean(let column, let value):
      return "'\(value)' in tag column '\(column)' is not a tag flag; use 1/0, true/false, yes/no or leave it empty"
    case .reservedTag(let name):
      return "the tag '\(name)' is a reserved slice name; rename the tag"
    case .duplicateTag(let name):
      return "the tag '\(name)' is listed twice; keep one line per tag"
    }
  }
}
