import Foundation

/// Relative paths between files, so run folders and previews keep working when moved together with their data.
public enum RelativePath {
  /// The path of `target` as seen from the folder `base`.
  public static func from(_ base: URL, to target: URL) -> String {
    segments(from: base, to: target).joined(separator: "/")
  }

  /// `..` for each level up from `base`, then the segments down to `target`, both ends made absolute with
  /// `.`, `..` and symbolic links resolved so they compare alike.
  static func segments(from base: URL, to target: URL) -> [String] {
    let baseParts = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let targetParts = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    let common = zip(baseParts, targetParts).prefix { $0 == $1 }.count
    return Array(repeating: "..", count: baseParts.count - common) + targetParts[common...]
  }
}
