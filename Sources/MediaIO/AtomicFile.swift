import Foundation

/// Writes a file under a temporary name in the destination's folder and renames it into place,
/// so a reader (or a crash) never sees a partial file at the final path.
enum AtomicFile {
  /// Calls `body` with a temporary path beside `destination`, then renames it to `destination`.
  /// The temporary file is removed if `body` throws.
  static func write(to destination: URL, _ body: (String) throws -> Void) throws {
    let folder = destination.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    do {
      try body(temporary.path)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    if rename(temporary.path, destination.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw MediaError.writeFailed(path: destination.path, detail: "rename failed: \(reason)")
    }
  }
}
