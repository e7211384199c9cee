import Foundation
import Testing

@testable import MediaIO

@Suite struct AudioFileRejectionTests {
  /// A valid one-second PCM16 WAV as bytes.
  static func validWAV(in folder: TemporaryFolder) throws -> Data {
    let url = folder.file("valid.wav")
    let tone = (0..<16_000).map { Float(0.25 * sin(Double($0) * 0.05)) }
    try AudioFile.write(AudioBuffer(mono: tone, sampleRate: 16_000), to: url)
    return try Data(contentsOf: url)
  }

  /// Asserts that reading `url` fails with a `MediaError` of the expected kind whose message names the file.
  static func expectRejected(_ url: URL, kind: (MediaError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation)
  {
    do {
      _ = try AudioFile.read(from: url)
      Issue.record("\(url.lastPathComponent) was accepted", sourceLocation: sourceLocation)
    } catch let error as MediaError {
      #expect(kind(error), "unexpected error \(error)", sourceLocation: sourceLocation)
      #expect(error.path == url.path, sourceLocation: sourceLocation)
      #expect(error.description.contains(url.path), sourceLocation: sourceLocation)
    } catch {
      Issue.record("not a MediaError: \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test func missingFile() throws {
    let folder = try TemporaryFolder()
    Self.expectRejected(folder.file("absent.wav")) { if case .fileNotFound = $0 { true } else { false } }
  }

  @Test func zeroByteFile() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("empty.wav")
    try Data().write(to: url)
    Self.expectRejected(url) { if case .emptyFile = $0 { true } else { false } }
  }

  @Test func textFileNamedWav() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("notes.wav")
    try Data("id,label\n1,hello\n".utf8).write(to: url)
    Self.expectRejected(url) { if case .notAudio = $0 { true } else { false } }
  }

  @Test func truncatedData() throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.validWAV(in: folder)
    let url = folder.file("cut.wav")
    try bytes.prefix(bytes.count / 2).write(to: url)
    Self.expectRejected(url) { if case .truncated = $0 { true } else { false } }
  }

  @Test func headerClaimingMoreDataThanPresent() throws {
    let folder = try TemporaryFolder()
    var bytes = try Self.validWAV(in: folder)
    // The data chunk's size field (bytes 40...43 of a canonical 44-byte header) now claims 10× more.
    let claimed = UInt32(32_000 * 10)
    bytes.replaceSubrange(40..<44, with: withUnsafeBytes(of: claimed.littleEndian) { Data($0) })
    let url = folder.file("lying.wav")
    try bytes.write(to: url)
    Self.expectRejected(url) { if case .truncated = $0 { true } else { false } }
  }

  @Test func headerWithZeroChannels() throws {
    let folder = try TemporaryFolder()
    var bytes = try Self.validWAV(in: folder)
    bytes.replaceSubrange(22..<24, with: [0, 0])
    let url = folder.file("no-channels.wav")
    try bytes.write(to: url)
    Self.expectRejected(url) { _ in true }
  }

  @Test func zeroFrames() throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.validWAV(in: folder)
    var header = bytes.prefix(44)
    header.replaceSubrange(40..<44, with: [0, 0, 0, 0])
    header.replaceSubrange(4..<8, with: withUnsafeBytes(of: UInt32(36).littleEndian) { Data($0) })
    let url = folder.file("silent-header.wav")
    try header.write(to: url)
    Self.expectRejected(url) { if case .noFrames = $0 { true } else { false } }
  }

  @Test func truncatedFLAC() throws {
    let folder = try TemporaryFolder()
    let full = folder.file("full.flac")
    var generator = LinearCongruential(seed: 11)
    let noise = (0..<32_000).map { _ in Float(Int(generator.next() % 20_000) - 10_000) / 32_768 }
    try AudioFile.write(AudioBuffer(mono: noise, sampleRate: 16_000), to: full)
    let bytes = try Data(contentsOf: full)
    let url = folder.file("cut.flac")
    try bytes.prefix(bytes.count * 2 / 3).write(to: url)
    Self.expectRejected(url) { error in
      switch error {
      case .truncated, .corrupt: true
      default: false
      }
    }
  }

  @Test func failedWriteLeavesNoFileBehind() throws {
    let folder = try TemporaryFolder()
    let buffer = AudioBuffer(channels: [[Float](repeating: 0, count: 10)], sampleRate: 16_000)
    let url = folder.file("missing-folder/out.wav")
    #expect(throws: MediaError.self) { try AudioFile.write(buffer, to: url) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }
}
