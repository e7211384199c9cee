import Foundation
import Testing

@testable import MediaIO

/// ``AudioFile/info(at:)`` never reports a length the file cannot deliver.
@Suite struct TruncatedLengthTests {
  /// 1.815 s of noise at 16 kHz written as 16-bit FLAC.
  static func flac(in folder: TemporaryFolder) throws -> (url: URL, bytes: Data) {
    var generator = LinearCongruential(seed: 7)
    let noise = (0..<29_040).map { _ in Float(Int(generator.next() % 20_000) - 10_000) / 32_768 }
    let url = folder.file("full.flac")
    try AudioFile.write(AudioBuffer(mono: noise, sampleRate: 16_000), to: url)
    return (url, try Data(contentsOf: url))
  }

  /// The bytes up to the end of the last metadata block: the `fLaC` marker and each block's 4-byte
  /// header (last-block flag and type, 24-bit length), then no audio frame at all.
  static func metadataOnly(_ flac: Data) -> Data {
    let bytes = [UInt8](flac)
    var offset = 4
    while true {
      let isLast = bytes[offset] & 0x80 != 0
      offset += 4 + (Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
      if isLast { return flac.prefix(offset) }
    }
  }

  @Test func completeFLACReportsItsLength() throws {
    let folder = try TemporaryFolder()
    let info = try AudioFile.info(at: Self.flac(in: folder).url)
    #expect(info.frameCount == 29_040 && info.sampleRate == 16_000)
    #expect(info.duration == 1.815)
  }

  @Test func headerOnlyFLACIsTruncated() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("header-only.flac")
    try Self.metadataOnly(Self.flac(in: folder).bytes).write(to: url)
    let expected = MediaError.truncated(
      path: url.path, detail: "the header promises 29040 frames, and the last cannot be decoded")
    #expect(throws: expected) { _ = try AudioFile.info(at: url) }
    #expect(throws: MediaError.self) { _ = try AudioFile.read(from: url) }
  }

  @Test func cutFLACIsTruncated() throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.flac(in: folder).bytes
    let url = folder.file("cut.flac")
    try bytes.prefix(bytes.count * 2 / 3).write(to: url)
    #expect(throws: MediaError.truncated(
      path: url.path, detail: "the header promises 29040 frames, and the last cannot be decoded")) {
      _ = try AudioFile.info(at: url)
    }
  }

  @Test func wavWithDataCutShortIsTruncatedInInfo() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("cut.wav")
    let wav = WAVBytes.pcm16(frames: 16_000)
    try (wav.header(dataSize: 32_000) + wav.data.prefix(10_000)).write(to: url)
    #expect(throws: MediaError.truncated(path: url.path, detail: "the header promises 32000 bytes of audio, the file holds 10000")) {
      _ = try AudioFile.info(at: url)
    }
  }
}
