import Foundation

/// Reads a committed reference file next to the test that uses it.
enum ReferenceData {
  static func load<T: Decodable>(_ type: T.Type, _ name: String, besides file: String = #filePath) throws -> T {
    let url = URL(filePath: file).deletingLastPathComponent().appending(path: "Reference").appending(path: name)
    return try JSONDecoder().decode(type, from: Data(contentsOf: url))
  }
}
