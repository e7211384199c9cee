import Foundation

/// Resolves media paths written in a table against the table's folder, refusing any that leave it.
///
/// Confinement is judged on real paths: the root and each path are resolved with `realpath(3)`, so a
/// symbolic link inside the folder (to a file, or to a folder along the way) that points outside it is
/// refused like `../`. `--allow-outside-paths` is the only way out.
public struct DatasetPaths: Sendable {
  /// The dataset folder, symbolic links resolved.
  public let root: URL
  /// Accept absolute paths, `..` and links that leave `root` (`--allow-outside-paths`).
  public let allowOutside: Bool

  public init(root: URL, allowOutside: Bool = false) {
    let lexical = root.standardizedFileURL.path
    self.root = URL(fileURLWithPath: (try? Self.realPath(lexical)) ?? lexical)
    self.allowOutside = allowOutside
  }

  /// The real location of the file `path` names. A file that does not exist resolves to where it would be,
  /// so reading it reports it missing.
  /// - Throws: ``DatasetPathError`` when the path or a link on it leaves `root` (and that is not allowed),
  ///   or when a link on it is broken or part of a loop.
  public func resolved(_ path: String) throws(DatasetPathError) -> URL {
    let lexical = try written(path)
    let real: String
    do {
      real = try Self.realPath(lexical.path)
    } catch {
      throw DatasetPathError(path: path, problem: error)
    }
    guard allowOutside || contains(real) else {
      throw DatasetPathError(path: path, problem: .linkLeavesFolder(real: real, root: root.path))
    }
    return URL(fileURLWithPath: real)
  }

  /// Where `path` points as written, checked by ``checkWritten(_:)`` but with no link followed: string work
  /// only, for rows a run lists but never reads.
  public func written(_ path: String) throws(DatasetPathError) -> URL {
    try checkWritten(path)
    return Self.isAbsolute(path)
      ? URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
      : root.appendingPathComponent(path).standardizedFileURL
  }

  /// The file `path` names, or `nil` when ``resolved(_:)`` refuses it.
  public func resolve(_ path: String) -> URL? {
    try? resolved(path)
  }

  /// Checks that `path` stays inside `root` as written: not absolute, and no `..` climbing above where it
  /// started at any point (so `a/../../set/x` is refused even when `set` is the root's own name). String
  /// work only, so every row of a large table can be checked cheaply.
  public func checkWritten(_ path: String) throws(DatasetPathError) {
    guard !allowOutside else { return }
    var depth = 0
    for component in path.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
      depth += component == ".." ? -1 : 1
      if depth < 0 { break }
    }
    // A file lies at least one level below the root; `a/..` names the root itself.
    guard !Self.isAbsolute(path), depth > 0 else {
      throw DatasetPathError(path: path, problem: .leavesFolder(root: root.path))
    }
  }

  private static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") || path.hasPrefix("~") }

  private func contains(_ path: String) -> Bool {
    root.path == "/" || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
  }

  /// `realpath(3)` of `path`; for a name that does not exist, the real path of its folder with the name appended.
  static func realPath(_ path: String) throws(DatasetPathError.Problem) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let failure = errno
    if failure == ELOOP { throw .linkLoop }
    var info = stat()
    if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
      throw .brokenLink(target: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
    }
    let parent = (path as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != path else { return path }
    return (try realPath(parent) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
  }
}

/// A table path that may not be read: it leaves the dataset folder, or a symbolic link on it is broken or loops.
public struct DatasetPathError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Problem: Error, Equatable, Sendable {
    case leavesFolder(root: String)
    /// A symbolic link on the path leads to `real`, outside `root`.
    case linkLeavesFolder(real: String, root: String)
    case brokenLink(target: String)
    case linkLoop
  }

  /// As written in the table.
  public var path: String
  public var problem: Problem
  /// `table:line` when the path comes from a table row.
  public var location: String?

  public init(path: String, problem: Problem, location: String? = nil) {
    self.path = path
    self.problem = problem
    self.location = location
  }

  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    switch problem {
    case .leavesFolder(let root):
      return "\(prefix)the path “\(path)” leaves the dataset folder \(root). "
        + "Use paths inside it, or pass --allow-outside-paths."
    case .linkLeavesFolder(let real, let root):
      return "\(prefix)the path “\(path)” leaves the dataset folder \(root) through a symbolic link (it is really \(real)). "
        + "Copy the file into the folder, or pass --allow-outside-paths."
    case .brokenLink(let target):
      return "\(prefix)the path “\(path)” goes through a broken symbolic link (to “\(target)”, which does not exist). "
        + "Fix or remove the link."
    case .linkLoop:
      return "\(prefix)the path “\(path)” goes through a symbolic link loop. Fix the links so they end at a file."
    }
  }
}
