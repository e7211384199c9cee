import Foundation

/// A sound file read where libsndfile asks, with `pread` on the open file.
///
/// Files too large for ``SoundFileBytes`` and header-only reads go through this rather than `sf_open_fd`:
/// libsndfile parses some headers differently through its own file I/O than through virtual I/O (a fuzzed
/// RF64 file decoded from memory was refused from its path), and a file must be audio or not whichever way
/// it is opened. Nothing is read ahead, so a header-only open costs the header's reads.
final class SoundFileDescriptorIO: SoundFileSource {
  private let file: RegularFile

  init(file: RegularFile) {
    self.file = file
  }

  /// The file's size when it was opened.
  var length: Int { file.size }

  func copyBytes(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
    var done = 0
    while done < count {
      // Safe: the caller's `destination` holds `count` bytes; `pread` writes at most `count - done` past `done`.
      let got = pread(file.descriptor, destination + done, count - done, off_t(offset + done))
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { break }
      done += got
    }
    return done
  }
}
