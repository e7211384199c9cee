import Foundation

/// Reference values committed next to the tests, produced once by the scripts in a `Reference/` folder
/// beside the test that reads them.
enum ReferenceData {
  /// `Reference/<name>` beside the calling test file.
  static func url(_ name: String, besides file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Reference").appendingPathComponent(name)
  }

  /// Decodes the JSON file `Reference/<name>` beside the calling test file.
  static func load<T: Decodable>(_ type: T.Type, _ name: String, besides file: String = #filePath) throws -> T {
    try JSONDecoder().decode(type, from: Data(contentsOf: url(name, besides: file)))
  }

  /// The repository root, for reference files that name shipped samples by repository-relative path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
}
