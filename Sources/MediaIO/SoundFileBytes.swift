import CSndFile
import Foundation

/// A sound file's bytes, read with one system call, for libsndfile to decode through its virtual I/O.
///
/// libsndfile reads a file through unbuffered system calls: about forty `read` and `lseek` calls for a
/// short WAV, most of them for a few bytes of header. For clips of a few seconds those calls cost as
/// much as the decoding, so files up to ``maximumSize`` are read into memory first and decoded from
/// there; larger ones are left to libsndfile to read as it decodes.
final class SoundFileBytes {
  /// The largest file read into memory whole.
  static let maximumSize = 64 << 20

  private let bytes: [UInt8]
  private var position = 0

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

  /// Opens the bytes for reading with libsndfile; they must outlive the returned handle.
  func openDecoder(_ info: inout SF_INFO) -> OpaquePointer? {
    var callbacks = Self.callbacks
    return sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(self).toOpaque())
  }

  private static func source(_ userData: UnsafeMutableRawPointer?) -> SoundFileBytes {
    Unmanaged<SoundFileBytes>.fromOpaque(userData!).takeUnretainedValue()
  }

  /// Reading, seeking and telling over `bytes`; writing is refused.
  private static let callbacks = SF_VIRTUAL_IO(
    get_filelen: { sf_count_t(source($0).bytes.count) },
    seek: { offset, whence, userData in
      let file = source(userData)
      let origin =
        switch whence {
        case SEEK_CUR: file.position
        case SEEK_END: file.bytes.count
        default: 0
        }
      let target = origin + Int(offset)
      guard target >= 0 else { return -1 }
      file.position = target
      return sf_count_t(target)
    },
    read: { destination, count, userData in
      let file = source(userData)
      let available = max(0, min(Int(count), file.bytes.count - file.position))
      file.bytes.withUnsafeBytes {
        destination!.copyMemory(from: $0.baseAddress! + file.position, byteCount: available)
      }
      file.position += available
      return sf_count_t(available)
    },
    write: { _, _, _ in 0 },
    tell: { sf_count_t(source($0).position) })
}
