import Foundation

/// JSON Lines with sorted keys, so the same records always give the same bytes.
enum JSONLines {
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  static func encode<T: Encodable>(_ records: [T]) throws -> Data {
    let encoder = encoder()
    var data = Data()
    for record in records {
      data.append(try encoder.encode(record))
      data.append(0x0A)
    }
    return data
  }

  /// Decodes every complete line; `validLength` is the byte length up to the last line that decoded,
  /// so a line cut off by a killed process can be dropped.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> (records: [T], validLength: Int) {
    let decoder = JSONDecoder()
    var records: [T] = []
    var start = data.startIndex
    var validLength = 0
    while start < data.endIndex, let newline = data[start...].firstIndex(of: 0x0A) {
      guard let record = try? decoder.decode(T.self, from: data[start..<newline]) else { break }
      records.append(record)
      start = newline + 1
      validLength = start - data.startIndex
    }
    return (records, validLength)
  }
}
