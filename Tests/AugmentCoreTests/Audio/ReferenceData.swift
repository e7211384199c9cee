import Foundation

/// Reference values committed next to the tests, produced once by the scripts in `Reference/`.
enum ReferenceData {
  static func url(_ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Reference").appendingPathComponent(name)
  }

  /// The repository root, for reference files that name shipped samples by repository-relative path.
  static func repositoryRoot(filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }
}
