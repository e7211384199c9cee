import Foundation

/// Turns a table file's bytes into text, so that both readers agree on what counts as a usable file:
/// UTF-8, optionally starting with a UTF-8 byte-order mark (which spreadsheet exports add and which is dropped),
/// not empty, and with no byte-order mark anywhere else (a sign of files pasted together).
enum TableText {
  static func decode(_ data: Data, path: String) throws -> String {
    let bytes = [UInt8](data)
    if let encoding = foreignByteOrderMark(bytes) {
      throw TableError(path: path, line: 1, kind: .unsupportedEncoding(encoding))
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    guard let text = String(validating: body, as: UTF8.self) else {
      throw TableError(path: path, line: lineOfFirstInvalidByte(body), kind: .invalidUTF8)
    }
    if let mark = text.unicodeScalars.firstIndex(of: "\u{FEFF}") {
      let line = 1 + text.unicodeScalars[..<mark].lazy.filter { $0 == "\n" }.count
      throw TableError(path: path, line: line, kind: .byteOrderMarkInside)
    }
    if text.allSatisfy(\.isWhitespace) {
      throw TableError(path: path, line: 1, kind: .emptyFile)
    }
    return text
  }

  private static func foreignByteOrderMark(_ bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 big-endian" }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 little-endian" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 big-endian" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 little-endian" }
    return nil
  }

  private static func lineOfFirstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var line = 1
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      if scalar == "\n" { line += 1 }
    }
    return line
  }
}
