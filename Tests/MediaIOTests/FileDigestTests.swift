import Foundation
import MediaIO
import Testing

/// SHA-256 against the published test vectors of FIPS 180-2 (appendix B) and against coreutils' `sha256sum`
/// on a file that spans several read blocks.
@Suite struct FileDigestTests {
  static func digest(_ bytes: [UInt8], in folder: TemporaryFolder) throws -> FileDigest {
    let file = folder.file("bytes")
    try Data(bytes).write(to: file)
    return try FileDigest(of: file)
  }

  @Test func publishedTestVectors() throws {
    let folder = try TemporaryFolder()
    #expect(
      try Self.digest(Array("abc".utf8), in: folder)
        == FileDigest(sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", size: 3))
    #expect(
      try Self.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), in: folder).sha256
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      try Self.digest([UInt8](repeating: 0x61, count: 1_000_000), in: folder)
        == FileDigest(sha256: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", size: 1_000_000))
    #expect(
      try Self.digest([], in: folder)
        == FileDigest(sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", size: 0))
  }

  /// 3 MiB + 17 bytes: three full blocks of the streaming read and a short one.
  @Test func agreesWithSha256sumAcrossBlocks() throws {
    let folder = try TemporaryFolder()
    var state: UInt32 = 1
    let bytes = (0..<(3 << 20) + 17).map { _ -> UInt8 in
      state = state &* 1_664_525 &+ 1_013_904_223
      return UInt8(truncatingIfNeeded: state >> 24)
    }
    let digest = try Self.digest(bytes, in: folder)
    #expect(digest.size == bytes.count)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [folder.file("bytes").path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(digest.sha256 == String(printed.prefix(64)))
  }

  @Test func aMissingFileAndAFolderAreNamed() throws {
    let folder = try TemporaryFolder()
    let missing = folder.file("nothing.wav")
    #expect(throws: MediaError.fileNotFound(path: missing.path)) { try FileDigest(of: missing) }
    #expect(throws: MediaError.notRegularFile(path: folder.url.path, kind: "a folder")) { try FileDigest(of: folder.url) }
  }
}
