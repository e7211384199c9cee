import Dispatch
import Foundation
import Testing

@testable import MediaIO

/// Paths that do not lead to a regular file get their own message, never “empty” or “no such file”,
/// and a named pipe is refused without waiting for a writer.
@Suite struct NonRegularFileTests {
  /// Every way of reading a media file, as each must refuse the path.
  static let readers: [(String, @Sendable (URL) throws -> Void)] = [
    ("AudioFile.info", { _ = try AudioFile.info(at: $0) }),
    ("AudioFile.read", { _ = try AudioFile.read(from: $0) }),
    ("PNGFile.read", { _ = try PNGFile.read(from: $0) }),
  ]

  /// Runs `read` on another thread and waits at most five seconds; a reader still blocked after that
  /// is recorded as a failure and released by opening the pipe for writing.
  static func error(reading url: URL, with read: @escaping @Sendable (URL) throws -> Void) -> MediaError? {
    let finished = DispatchSemaphore(value: 0)
    // Written before the signal and read after the wait, so the semaphore orders the accesses.
    nonisolated(unsafe) var caught: MediaError?
    DispatchQueue.global().async {
      do { try read(url) } catch let error as MediaError { caught = error } catch {}
      finished.signal()
    }
    if finished.wait(timeout: .now() + 5) == .timedOut {
      Issue.record("reading \(url.lastPathComponent) blocked")
      let writer = open(url.path, O_WRONLY | O_NONBLOCK)
      if writer >= 0 { close(writer) }
      finished.wait()
    }
    return caught
  }

  static func expect(_ url: URL, gives expected: MediaError, sourceLocation: SourceLocation = #_sourceLocation) {
    for (name, read) in readers {
      let error = Self.error(reading: url, with: read)
      #expect(error == expected, "\(name)", sourceLocation: sourceLocation)
    }
    #expect(expected.description.hasPrefix(url.path + ": "), sourceLocation: sourceLocation)
  }

  @Test func namedPipeIsRefusedWithoutBlocking() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("pipe.wav")
    #expect(mkfifo(url.path, 0o600) == 0)
    Self.expect(url, gives: .notRegularFile(path: url.path, kind: "a named pipe (FIFO)"))
    #expect(
      MediaError.notRegularFile(path: url.path, kind: "a named pipe (FIFO)").description
        == "\(url.path): a named pipe (FIFO), not a regular file. Point to the media file itself.")
  }

  @Test func folderAndDeviceAreNotRegularFiles() throws {
    let folder = try TemporaryFolder()
    let inner = folder.file("clips.wav")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: false)
    Self.expect(inner, gives: .notRegularFile(path: inner.path, kind: "a folder"))
    let device = URL(fileURLWithPath: "/dev/null")
    Self.expect(device, gives: .notRegularFile(path: device.path, kind: "a character device"))
  }

  @Test func symbolicLinkLoopIsNamed() throws {
    let folder = try TemporaryFolder()
    let first = folder.file("a.wav"), second = folder.file("b.wav")
    try FileManager.default.createSymbolicLink(at: first, withDestinationURL: second)
    try FileManager.default.createSymbolicLink(at: second, withDestinationURL: first)
    Self.expect(first, gives: .symlinkLoop(path: first.path))
    #expect(MediaError.symlinkLoop(path: first.path).description.contains("symbolic link loop"))
  }

  @Test func linkToNothingIsNotCalledMissing() throws {
    let folder = try TemporaryFolder()
    let link = folder.file("gone.wav")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.file("deleted.wav"))
    Self.expect(
      link, gives: .cannotOpen(path: link.path, reason: "it is a symbolic link to a file that does not exist"))
    Self.expect(folder.file("deleted.wav"), gives: .fileNotFound(path: folder.file("deleted.wav").path))
  }
}
