import CSndFile
import Foundation

/// Where libsndfile's virtual I/O reads a sound file from: its bytes in memory (``SoundFileBytes``) or
/// the open file itself (``SoundFileDescriptorIO``).
protocol SoundFileSource: AnyObject {
  /// The file's length in bytes.
  var length: Int { get }
  /// Copies up to `count` bytes from `offset` (which is below `length`) into `destination`; returns how many.
  func copyBytes(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int
}

/// A read position in a ``SoundFileSource``, and the one table of virtual I/O callbacks libsndfile reads
/// every source through: seeking and telling are the same whatever holds the bytes.
final class SoundFileReader {
  let source: any SoundFileSource
  private var position = 0

  init(_ source: any SoundFileSource) {
    self.source = source
  }

  /// Opens the source for reading with libsndfile; this reader must outlive the returned handle.
  func openDecoder(_ info: inout SF_INFO) -> OpaquePointer? {
    var callbacks = Self.callbacks
    return sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(self).toOpaque())
  }

  private static func reader(_ userData: UnsafeMutableRawPointer?) -> SoundFileReader {
    Unmanaged<SoundFileReader>.fromOpaque(userData!).takeUnretainedValue()
  }

  /// Reading, seeking and telling within the source's length; writing is refused.
  private static let callbacks = SF_VIRTUAL_IO(
    get_filelen: { sf_count_t(reader($0).source.length) },
    seek: { offset, whence, userData in
      let reader = reader(userData)
      let origin =
        switch whence {
        case SEEK_CUR: reader.position
        case SEEK_END: reader.source.length
        default: 0
        }
      let target = origin + Int(offset)
      guard target >= 0 else { return -1 }
      reader.position = target
      return sf_count_t(target)
    },
    read: { destination, count, userData in
      let reader = reader(userData)
      let available = max(0, min(Int(count), reader.source.length - reader.position))
      guard available > 0 else { return 0 }
      // Safe: libsndfile's `destination` holds `count` ≥ `available` bytes.
      let done = reader.source.copyBytes(into: destination!, count: available, at: reader.position)
      reader.position += done
      return sf_count_t(done)
    },
    write: { _, _, _ in 0 },
    tell: { sf_count_t(reader($0).position) })
}
