import Foundation
import Testing

@testable import AugmentPipeline

@Suite struct FolderVerificationTests {
  /// Every manifest line records its file's size and SHA-256; `verify` passes the folder as written, then
  /// names a changed byte, a deleted file and a file no line names.
  @Test func verifyNamesChangedMissingAndUnlistedFiles() throws {
    let folder = try TemporaryFolder()
    _ = try SliceRunnerTests.runner(in: folder.url, count: 12).run(
      kept: try SliceRunnerTests.open(folder.url, count: 12, resume: false), resumed: false, notes: [],
      cancellation: CancellationFlag(), progress: { _ in })
    let records = try RunFiles.manifest(folder.url, shard: nil)
    for record in records {
      let bytes = try Data(contentsOf: folder.file(record.output))
      #expect(record.size == bytes.count)
      #expect(record.sha256 == (try SHA256Reference.digest(of: folder.file(record.output))))
    }
    let clean = try FolderVerification.verify(folder.url)
    #expect(clean.passed && clean.checked == records.count && clean.unlisted.isEmpty)

    var changed = try Data(contentsOf: folder.file(records[1].output))
    changed[0] ^= 0x01
    try changed.write(to: folder.file(records[1].output))
    try FileManager.default.removeItem(at: folder.file(records[4].output))
    try folder.write("not a sample", to: "notes.bin")
    let found = try FolderVerification.verify(folder.url)
    #expect(!found.passed)
    #expect(found.problems.map(\.output) == [records[1].output, records[4].output].sorted())
    #expect(found.problems.contains(.missing(records[4].output)))
    #expect(found.problems.contains { if case .changed(records[1].output, let detail) = $0 { detail.hasPrefix("SHA-256") } else { false } })
    #expect(found.unlisted == ["notes.bin"])

    // A line cut off part-way: the lines before it are still checked.
    let handle = try FileHandle(forWritingTo: folder.file("manifest.jsonl"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"id\":".utf8))
    try handle.close()
    let torn = try FolderVerification.verify(folder.url)
    #expect(torn.unreadableLines == ["manifest.jsonl:\(records.count + 1)"] && torn.checked == records.count)
  }

  @Test func aFolderWithoutAManifestIsNotVerified() throws {
    let folder = try TemporaryFolder()
    #expect(throws: VerificationError.noManifest(folder.url.path)) { try FolderVerification.verify(folder.url) }
    #expect(throws: VerificationError.noFolder(folder.file("absent").path)) {
      try FolderVerification.verify(folder.file("absent"))
    }
  }
}
