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

  /// Reads the file at `path`, or returns `nil` when it is larger than ``maximumSize``.
  ///
  /// - Throws: ``MediaError/notAudio(path:reason:)`` when the file cannot be opened or read.
  init?(path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Self.readError(path: path) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw Self.readError(path: path) }
    let size = Int(status.st_size)
    guard size <= Self.maximumSize else { return nil }
    var failed = false
    bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      while initialized < size {
        let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else {
          failed = count < 0
          break
        }
        initialized += count
      }
    }
    if failed { throw Self.readError(path: path) }
  }

  /// Opens the bytes for reading with libsndfile; they must outlive the returned handle.
  func openDecoder(_ info: inout SF_INFO) -> OpaquePointer? {
    var callbacks = Self.callbacks
    return sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(self).toOpaque())
  }

  private static func readError(path: String) -> MediaError {
    .notAudio(path: path, reason: "it cannot be read: \(String(cString: strerror(errno)))")
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
