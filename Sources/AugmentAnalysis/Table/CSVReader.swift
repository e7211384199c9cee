/// Reads comma-separated text as RFC 4180 describes it: fields may be enclosed in double quotes, inside which
/// commas, line breaks and doubled quotes (`""`) are literal. Records end at LF or CRLF. Spaces before an opening
/// quote are ignored; any other quote outside a quoted field is an error rather than a guess. Blank lines are
/// skipped. The first record is the header, and every other record must have as many fields as it.
enum CSVReader {
  static func read(_ text: String, path: String) throws -> RawTable {
    var parser = Parser(bytes: Array(text.utf8), path: path)
    let records = try parser.records()
    guard let header = records.first else {
      throw TableError(path: path, line: 1, kind: .emptyFile)
    }
    for record in records.dropFirst() where record.fields.count != header.fields.count {
      throw TableError(
        path: path, line: record.line,
        kind: .raggedRow(expected: header.fields.count, found: record.fields.count))
    }
    return RawTable(path: path, header: header.fields, records: Array(records.dropFirst()))
  }

  private struct Parser {
    let bytes: [UInt8]
    let path: String
    private var index = 0
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

    init(bytes: [UInt8], path: String) {
      self.bytes = bytes
      self.path = path
    }

    mutating func records() throws -> [RawTable.Record] {
      var records: [RawTable.Record] = []
      while index < bytes.count {
        let start = line
        let (fields, isBlankLine) = try record()
        if !isBlankLine { records.append(RawTable.Record(line: start, fields: fields)) }
      }
      return records
    }

    /// Reads fields up to and including the end of the record; a line holding nothing (not even `""`) is blank.
    private mutating func record() throws -> (fields: [String], isBlankLine: Bool) {
      var fields: [String] = []
      while true {
        let (field, wasQuoted) = try self.field()
        fields.append(field)
        let isBlankLine = fields.count == 1 && field.isEmpty && !wasQuoted
        if index == bytes.count { return (fields, isBlankLine) }
        if bytes[index] == Self.comma {
          index += 1
          continue
        }
        // The field stopped at a line break.
        if bytes[index] == Self.carriageReturn { index += 1 }
        index += 1
        line += 1
        return (fields, isBlankLine)
      }
    }

    /// Reads one field, stopping before the comma or line break that ends it.
    private mutating func field() throws -> (String, wasQuoted: Bool) {
      var leadingSpaces = index
      while leadingSpaces < bytes.count && bytes[leadingSpaces] == Self.space { leadingSpaces += 1 }
      if leadingSpaces < bytes.count && bytes[leadingSpaces] == Self.quote {
        index = leadingSpaces
        return (try quotedField(), true)
      }
      let start = index
      while index < bytes.count {
        switch bytes[index] {
        case Self.comma, Self.newline:
          return (String(decoding: bytes[start..<index], as: UTF8.self), false)
        case Self.carriageReturn where index + 1 < bytes.count && bytes[index + 1] == Self.newline:
          return (String(decoding: bytes[start..<index], as: UTF8.self), false)
        case Self.quote:
          throw TableError(path: path, line: line, kind: .strayQuote)
        default:
          index += 1
        }
      }
      return (String(decoding: bytes[start..<index], as: UTF8.self), false)
    }

    /// Reads a field that starts with a quote at `index`.
    private mutating func quotedField() throws -> String {
      let openingLine = line
      index += 1
      var value: [UInt8] = []
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == Self.quote {
          if index < bytes.count && bytes[index] == Self.quote {
            value.append(Self.quote)
            index += 1
            continue
          }
          guard endsField(at: index) else {
            throw TableError(path: path, line: line, kind: .strayQuote)
          }
          return String(decoding: value, as: UTF8.self)
        }
        if byte == Self.newline { line += 1 }
        value.append(byte)
      }
      throw TableError(path: path, line: openingLine, kind: .unbalancedQuote)
    }

    private func endsField(at position: Int) -> Bool {
      guard position < bytes.count else { return true }
      switch bytes[position] {
      case Self.comma, Self.newline: return true
      case Self.carriageReturn: return position + 1 < bytes.count && bytes[position + 1] == Self.newline
      default: return false
      }
    }
  }
}
