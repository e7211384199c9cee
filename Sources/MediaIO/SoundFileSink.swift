import CSndFile
import Foundation

/// A growable byte buffer that libsndfile encodes into through its virtual I/O, so a codec round trip
/// never touches the disk.
///
/// Encoders write forwards and then seek back to patch their headers (a WAV's chunk sizes, an MP3's
/// Xing/LAME frame), so the sink keeps a position like a file does: a write past the end grows the
/// buffer, zero-filling any gap a seek left; a write inside it overwrites. Every callback checks its
/// count and position before touching memory.
final class SoundFileSink {
  /// The largest encoding kept: libsndfile's size type allows more, but no clip encodes to this much.
  static let maximumSize = 1 << 30

  private(set) var bytes: [UInt8] = []
  private var position = 0

  /// Opens the sink for libsndfile to write `info`'s format; the sink must outlive the returned handle.
  func openEncoder(_ info: inout SF_INFO) -> OpaquePointer? {
    var callbacks = Self.callbacks
    return sf_open_virtual(&callbacks, Int32(SFM_WRITE), &info, Unmanaged.passUnretained(self).toOpaque())
  }

  private static func sink(_ userData: UnsafeMutableRawPointer?) -> SoundFileSink {
    Unmanaged<SoundFileSink>.fromOpaque(userData!).takeUnretainedValue()
  }

  /// Copies `count` bytes from `source` to the current position; returns the bytes taken (0 when the
  /// write would pass ``maximumSize``, which libsndfile reports as a write error).
  private func write(_ source: UnsafeRawPointer, count: Int) -> Int {
    guard count > 0 else { return 0 }
    guard count <= Self.maximumSize - position else { return 0 }
    let end = position + count
    if end > bytes.count { bytes.append(contentsOf: repeatElement(0, count: end - bytes.count)) }
    bytes.withUnsafeMutableBytes { destination in
      // Safe: position ≥ 0 (seek refuses negative targets) and end ≤ bytes.count after the growth above.
      (destination.baseAddress! + position).copyMemory(from: source, byteCount: count)
    }
    position = end
    return count
  }

  /// Copies up to `count` bytes from the current position into `destination`; returns the bytes copied.
  private func read(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
    let available = max(0, min(count, bytes.count - position))
    guard available > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      // Safe: 0 ≤ position and position + available ≤ bytes.count by the clamp above.
      destination.copyMemory(from: source.baseAddress! + position, byteCount: available)
    }
    position += available
    return available
  }

  /// Moves the position as `lseek` does; a target before the start or past ``maximumSize`` is refused.
  private func seek(to offset: Int, from whence: Int32) -> Int {
    let origin =
      switch whence {
      case SEEK_CUR: position
      case SEEK_END: bytes.count
      default: 0
      }
    let (target, overflow) = origin.addingReportingOverflow(offset)
    guard !overflow, (0...Self.maximumSize).contains(target) else { return -1 }
    position = target
    return target
  }

  private static let callbacks = SF_VIRTUAL_IO(
    get_filelen: { sf_count_t(sink($0).bytes.count) },
    seek: { offset, whence, userData in sf_count_t(sink(userData).seek(to: Int(offset), from: whence)) },
    read: { destination, count, userData in
      guard let destination, count > 0 else { return 0 }
      return sf_count_t(sink(userData).read(into: destination, count: Int(count)))
    },
    write: { source, count, userData in
      guard let source, count > 0 else { return 0 }
      return sf_count_t(sink(userData).write(source, count: Int(count)))
    },
    tell: { sf_count_t(sink($0).position) })
}
