import Foundation
import Testing

@testable import AugmentPipeline

/// flock(2) locks belong to an open file description, so two locks taken in one process conflict exactly
/// as two processes' would; the command-line tests show the same between processes.
@Suite struct FolderLockTests {
  static let pid = getpid()

  static func shard(_ index: Int, of count: Int) throws -> FolderLock.Access { .shard(try Shard(index: index, count: count)) }

  @Test func aSecondWholeLockIsRefusedWithTheHoldersID() throws {
    let folder = try TemporaryFolder()
    let first = try FolderLock(folder: folder.url, access: .whole)
    #expect(throws: RunError.folderLocked(folder.url.path, pid: Self.pid)) {
      try FolderLock(folder: folder.url, access: .whole)
    }
    withExtendedLifetime(first) {}
  }

  @Test func siblingShardsShareTheFolderButNotTheirOwnLock() throws {
    let folder = try TemporaryFolder()
    let zero = try FolderLock(folder: folder.url, access: try Self.shard(0, of: 2))
    let one = try FolderLock(folder: folder.url, access: try Self.shard(1, of: 2))
    #expect(throws: RunError.folderLocked(folder.url.path, pid: Self.pid)) {
      try FolderLock(folder: folder.url, access: try Self.shard(1, of: 2))
    }
    withExtendedLifetime((zero, one)) {}
  }

  /// A merge (whole) and a shard exclude each other, in either order.
  @Test func aShardAndAMergeExcludeEachOther() throws {
    let folder = try TemporaryFolder()
    do {
      let shard = try FolderLock(folder: folder.url, access: try Self.shard(1, of: 3))
      #expect(throws: RunError.folderLocked(folder.url.path, pid: Self.pid)) {
        try FolderLock(folder: folder.url, access: .whole)
      }
      withExtendedLifetime(shard) {}
    }
    let merge = try FolderLock(folder: folder.url, access: .whole)
    #expect(throws: RunError.folderLocked(folder.url.path, pid: Self.pid)) {
      try FolderLock(folder: folder.url, access: try Self.shard(2, of: 3))
    }
    withExtendedLifetime(merge) {}
  }

  /// Releasing empties the ID, and the folder can be taken again.
  @Test func releaseLetsTheNextProcessIn() throws {
    let folder = try TemporaryFolder()
    let lockFile = folder.file(FolderLock.folderLockName)
    do {
      let held = try FolderLock(folder: folder.url, access: .whole)
      #expect(try String(contentsOf: lockFile, encoding: .utf8) == "\(Self.pid)\n")
      withExtendedLifetime(held) {}
    }
    #expect(try Data(contentsOf: lockFile).isEmpty)
    let again = try FolderLock(folder: folder.url, access: .whole)
    withExtendedLifetime(again) {}
  }

  @Test func lockFilesAreRecognised() throws {
    #expect(FolderLock.isLockFile(".augment.lock"))
    #expect(FolderLock.isLockFile(FolderLock.shardLockName(try Shard(index: 3, count: 64))))
    #expect(FolderLock.shardLockName(try Shard(index: 3, count: 64)) == ".augment.shard-3-of-64.lock")
    #expect(!FolderLock.isLockFile("manifest.jsonl") && !FolderLock.isLockFile(".car-noise-000001.wav.partial-1-2"))
  }
}
