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

  /// Writes `bytes` as the whole content of `destination`, through a temporary file as above.
  static func write(_ bytes: [UInt8], to destination: URL) throws {
    try write(to: destination) { temporaryPath in
      if let failure = createFile(atPath: temporaryPath, containing: bytes) {
        throw MediaError.writeFailed(path: destination.path, detail: failure)
      }
    }
  }
}

/// Creates (or truncates) the file at `path` and writes `bytes` into it; nil on success, else what failed.
private func createFile(atPath path: String, containing bytes: [UInt8]) -> String? {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
  guard descriptor >= 0 else { return "cannot create the file: \(String(cString: strerror(errno)))" }
  let writeFailure: String? = bytes.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return "writing failed: \(String(cString: strerror(errno)))"
      }
      offset += written
    }
    return nil
  }
  let closeFailure = close(descriptor) == 0 ? nil : "closing the file failed: \(String(cString: strerror(errno)))"
  return writeFailure ?? closeFailure
}
