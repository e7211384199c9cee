import CSndFile
import Foundation

/// A sound file's bytes, read with one system call, for libsndfile to decode through its virtual I/O.
///
/// libsndfile reads a file through unbuffered system calls: about forty `read` and `lseek` calls for a
/// short WAV, most of them for a few bytes of header. For clips of a few seconds those calls cost as
/// much as the decoding, so files up to ``maximumSize`` are read into memory first and decoded from
/// there; larger ones are left to libsndfile to read as it decodes.
final class SoundFileBytes: SoundFileSource {
  /// The largest file read into memory whole.
  static let maximumSize = 64 << 20

  private let bytes: [UInt8]

  /// Reads `file` whole, or returns `nil` when it is larger than ``maximumSize``.
  ///
  /// - Throws: ``MediaError/cannotOpen(path:reason:)`` naming `path` when reading fails.
  init?(file: RegularFile, path: String) throws {
    let size = file.size
    guard size <= Self.maximumSize else { return nil }
    var failure: Int32?
    bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      while initialized < size {
        let count = read(file.descriptor, buffer.baseAddress! + initialized, size - initialized)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
          if count < 0 { failure = errno }
          break
        }
        initialized += count
      }
    }
    if let failure { throw MediaError.cannotOpen(path: path, reason: String(cString: strerror(failure))) }
  }

  /// Wraps bytes already in memory, such as an encoder's output.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var length: Int { bytes.count }

  func copyBytes(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
    let available = max(0, min(count, bytes.count - offset))
    // Safe: `offset + available` ≤ `bytes.count`, and the caller's `destination` holds `count` ≥ `available` bytes.
    bytes.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + offset, byteCount: available) }
    return available
  }
}
