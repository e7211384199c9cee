import Foundation

/// Resolves media paths written in a table against the table's folder, refusing any that leave it.
public struct DatasetPaths: Sendable {
  public let root: URL
  /// Accept absolute paths and `..` that leave `root` (`--allow-outside-paths`).
  public let allowOutside: Bool

  public init(root: URL, allowOutside: Bool = false) {
    self.root = root.standardizedFileURL
    self.allowOutside = allowOutside
  }

  /// The file `path` names, or `nil` when it is absolute or climbs out of `root` and that is not allowed.
  public func resolve(_ path: String) -> URL? {
    if path.hasPrefix("/") || path.hasPrefix("~") {
      return allowOutside ? URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL : nil
    }
    let url = root.appendingPathComponent(path).standardizedFileURL
    let inside = url.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
    return inside || allowOutside ? url : nil
  }
}
