import CSndFile
import Foundation

/// libsndfile's virtual I/O over an open file, read with `pread` where libsndfile asks.
///
/// Files too large for ``SoundFileBytes`` and header-only reads go through this rather than `sf_open_fd`:
/// libsndfile parses some headers differently through its own file I/O than through virtual I/O (a fuzzed
/// RF64 file decoded from memory was refused from its path), and a file must be audio or not whichever way
/// it is opened. Nothing is read ahead, so a header-only open costs the header's reads.
final class SoundFileDescriptorIO {
  private let file: RegularFile
  private var position = 0

  init(file: RegularFile) {
    self.file = file
  }

  /// Opens the file for reading with libsndfile; this value and the file must outlive the returned handle.
  func openDecoder(_ info: inout SF_INFO) -> OpaquePointer? {
    var callbacks = Self.callbacks
    return sf_open_virtual(&callbacks, Int32(SFM_READ), &info, Unmanaged.passUnretained(self).toOpaque())
  }

  private static func source(_ userData: UnsafeMutableRawPointer?) -> SoundFileDescriptorIO {
    Unmanaged<SoundFileDescriptorIO>.fromOpaque(userData!).takeUnretainedValue()
  }

  /// Reading, seeking and telling within the file's size when it was opened; writing is refused.
  private static let callbacks = SF_VIRTUAL_IO(
    get_filelen: { sf_count_t(source($0).file.size) },
    seek: { offset, whence, userData in
      let io = source(userData)
      let origin =
        switch whence {
        case SEEK_CUR: io.position
        case SEEK_END: io.file.size
        default: 0
        }
      let target = origin + Int(offset)
      guard target >= 0 else { return -1 }
      io.position = target
      return sf_count_t(target)
    },
    read: { destination, count, userData in
      let io = source(userData)
      let wanted = max(0, min(Int(count), io.file.size - io.position))
      var done = 0
      while done < wanted {
        // Safe: `destination` holds `count` ≥ `wanted` bytes; `pread` writes at most `wanted - done` past `done`.
        let got = pread(io.file.descriptor, destination! + done, wanted - done, off_t(io.position + done))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else { break }
        done += got
      }
      io.position += done
      return sf_count_t(done)
    },
    write: { _, _, _ in 0 },
    tell: { sf_count_t(source($0).position) })
}
