import Foundation
import Testing

@testable import MediaIO

/// Whether a file is audio does not depend on which call asks: `AudioFile.info` (headers only) and
/// `AudioFile.read` (decoding from memory) open files through libsndfile's virtual I/O alike.
@Suite struct OpenPathAgreementTests {
  /// A 151-byte RF64 file found by fuzzing (a `ds64` chunk, then two `fmt ` chunks around `data`):
  /// libsndfile 1.2 decodes it through virtual I/O and refused it when it opened the file itself, so
  /// `read` gave 23 frames while `info` said "unimplemented format".
  static let rf64 = "UkY2NP////9XQVZFZHM2NBwAAACgBgAAAAAAAEAGT3B0aW9uYWwAAAAAAAAAAAAAZm10ICgAAAD+/wEAgD4AAAB9AAACABAAFgAQAAQAAAABAAAAAAAQAIAAAKoAOJtxZGF0YZv///9mbXQgKAAAAP7/AQCAPgAAAH0AAAIAEAAWABAABAAAAAEAAAAAABAAgP8HA/ds+A=="

  @Test func infoAndReadAgreeOnAFileLibsndfileParsesTwoWays() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("odd.wav")
    try #require(Data(base64Encoded: Self.rf64)).write(to: url)
    let info = try AudioFile.info(at: url)
    let decoded = try AudioFile.read(from: url)
    #expect(info.frameCount == 23 && info.sampleRate == 16_000 && info.channelCount == 1)
    #expect(decoded.buffer.frameCount == info.frameCount && decoded.buffer.sampleRate == info.sampleRate)
  }
}
