import Foundation

/// A regular file opened for reading, closed when the value is released.
///
/// The file is opened with `O_NONBLOCK` and its type checked on the open descriptor rather than on the
/// path beforehand: a named pipe or a device is refused without ever waiting on it, and a file swapped
/// between a check and the open cannot slip through. Symbolic links are followed; a loop of them, a
/// link to nothing and a file that is not there each get their own error.
final class RegularFile {
  let descriptor: Int32
  /// The size in bytes when the file was opened.
  let size: Int

  /// Opens `path` for reading.
  ///
  /// Media readers refuse an empty file (it can hold no media); a digest of any file's bytes passes
  /// `allowingEmpty`.
  ///
  /// - Throws: ``MediaError/fileNotFound(path:)``, ``MediaError/symlinkLoop(path:)``,
  ///   ``MediaError/cannotOpen(path:reason:)``, ``MediaError/notRegularFile(path:kind:)`` or
  ///   ``MediaError/emptyFile(path:)``.
  init(path: String, allowingEmpty: Bool = false) throws(MediaError) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Self.openError(path: path, code: errno) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .cannotOpen(path: path, reason: reason)
    }
    let type = status.st_mode & S_IFMT
    guard type == S_IFREG else {
      close(descriptor)
      throw .notRegularFile(path: path, kind: Self.name(ofType: type))
    }
    guard status.st_size > 0 || allowingEmpty else {
      close(descriptor)
      throw .emptyFile(path: path)
    }
    self.descriptor = descriptor
    self.size = Int(status.st_size)
  }

  deinit { close(descriptor) }

  private static func openError(path: String, code: Int32) -> MediaError {
    switch code {
    case ELOOP:
      return .symlinkLoop(path: path)
    case ENOENT, ENOTDIR:
      // `lstat` does not follow the last link: if it finds something, the path is a link to nothing.
      var link = stat()
      guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return .fileNotFound(path: path) }
      return .cannotOpen(path: path, reason: "it is a symbolic link to a file that does not exist")
    default:
      return .cannotOpen(path: path, reason: String(cString: strerror(code)))
    }
  }

  private static func name(ofType type: mode_t) -> String {
    switch type {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a named pipe (FIFO)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "not a file"
    }
  }
}
