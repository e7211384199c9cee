import Foundation

/// A file that holds the current fuzz input, for readers whose API opens a path rather than taking bytes.
///
/// The file is created and immediately unlinked, and readers open it again through `/proc/self/fd/N`:
/// nothing is left behind however the process ends, including the abort libFuzzer makes on a crash.
/// Each input overwrites the last, so one file serves the whole run (Linux only, as libFuzzer here).
public final class ScratchFile: Sendable {
  /// The path a reader opens to read the bytes last passed to ``holding(_:)``.
  public let url: URL
  private let descriptor: Int32

  public init() {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
    var template = Array(folder.appendingPathComponent("augment-fuzz-XXXXXX").path.utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { fuzzFailure("cannot create a scratch file: \(String(cString: strerror(errno)))") }
    unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    url = URL(fileURLWithPath: "/proc/self/fd/\(descriptor)")
  }

  /// Replaces the file's contents with `bytes` and returns the path to read them from.
  public func holding(_ bytes: UnsafeRawBufferPointer) -> URL {
    guard ftruncate(descriptor, 0) == 0 else { fuzzFailure("cannot truncate the scratch file") }
    var written = 0
    while written < bytes.count {
      let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(written))
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { fuzzFailure("cannot write the scratch file: \(String(cString: strerror(errno)))") }
      written += count
    }
    return url
  }
}
