import Foundation

/// The one JSON style of everything this module writes: pretty-printed with sorted keys, so that files diff well
/// and the same analysis always produces the same bytes.
enum JSONFormat {
  static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
