import Foundation

/// An output folder held by one process, so two runs never append to the same manifest.
///
/// The locks are `flock(2)` locks on files in the folder, which the kernel releases when the process
/// ends, however it ends (a kill included), so a crash never leaves a folder locked. Two kinds of access:
/// - ``Access/whole``: an unsharded run or resume, a merge. It takes the folder lock `.augment.lock`
///   exclusively, after every shard lock present, so it excludes any other process in the folder.
/// - ``Access/shard(_:)``: shard K of N. It shares `.augment.lock` with its sibling shards (they write
///   different files) and takes its own `.augment.shard-K-of-N.lock` exclusively, so the same shard
///   cannot run twice at once and no shard runs while the folder is held whole.
///
/// Every lock taken exclusively holds the holder's process ID, so a refused process can name it; the
/// file is emptied again on release. Lock files are never removed: removing a lock file while another
/// process waits on it would let two processes hold "the" lock on different files.
public final class FolderLock {
  public enum Access: Sendable, Equatable {
    case whole
    case shard(Shard)
  }

  public static let folderLockName = ".augment.lock"

  /// The lock file of one shard, named as its other files are.
  public static func shardLockName(_ shard: Shard) -> String { ".augment.shard-\(shard.index)-of-\(shard.count).lock" }

  /// Whether `name` is one of the lock files, which belong to no run's output.
  public static func isLockFile(_ name: String) -> Bool {
    name == folderLockName || (name.hasPrefix(".augment.shard-") && name.hasSuffix(".lock"))
  }

  private struct Held {
    var descriptor: Int32
    /// Whether this process wrote its ID into the file (an exclusive lock), to empty it on release.
    var exclusive: Bool
  }

  private var held: [Held] = []

  /// Takes the locks `access` needs in `folder` (which must exist), or throws
  /// ``RunError/folderLocked(_:pid:)`` naming the process that holds one of them.
  public init(folder: URL, access: Access) throws {
    do {
      switch access {
      case .whole:
        for name in try Self.shardLockNames(in: folder) {
          try take(folder.appendingPathComponent(name), exclusive: true, reporting: folder)
        }
        try take(folder.appendingPathComponent(Self.folderLockName), exclusive: true, reporting: folder)
      case .shard(let shard):
        try take(folder.appendingPathComponent(Self.folderLockName), exclusive: false, reporting: folder)
        try take(folder.appendingPathComponent(Self.shardLockName(shard)), exclusive: true, reporting: folder)
      }
    } catch {
      release()
      throw error
    }
  }

  deinit { release() }

  /// Empties the files this process wrote its ID into, then unlocks and closes every lock file.
  private func release() {
    for lock in held.reversed() {
      if lock.exclusive { _ = ftruncate(lock.descriptor, 0) }
      close(lock.descriptor)
    }
    held = []
  }

  private func take(_ file: URL, exclusive: Bool, reporting folder: URL) throws {
    let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw RunError.cannotWrite(file.path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      let failure = errno
      close(descriptor)
      guard failure == EWOULDBLOCK else {
        throw RunError.cannotWrite(file.path, reason: "cannot lock the folder: \(String(cString: strerror(failure)))")
      }
      throw RunError.folderLocked(folder.path, pid: Self.holder(of: file))
    }
    held.append(Held(descriptor: descriptor, exclusive: exclusive))
    guard exclusive else { return }
    let pid = Data("\(getpid())\n".utf8)
    let written = pid.withUnsafeBytes { buffer in
      ftruncate(descriptor, 0) == 0 ? pwrite(descriptor, buffer.baseAddress!, buffer.count, 0) : -1
    }
    guard written == pid.count else {
      throw RunError.cannotWrite(file.path, reason: "cannot write the lock file: \(String(cString: strerror(errno)))")
    }
  }

  /// The process ID the holder wrote into `file`; nil in the instant between its lock and its write.
  private static func holder(of file: URL) -> Int32? {
    guard let data = try? Data(contentsOf: file) else { return nil }
    return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  private static func shardLockNames(in folder: URL) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { isLockFile($0) && $0 != folderLockName }.sorted()
    } catch {
      throw RunError.cannotWrite(folder.path, reason: error.localizedDescription)
    }
  }
}
