import Foundation
import Testing

@testable import MediaIO

/// Headers that declare rates, channels or lengths outside ``MediaLimit`` are refused by name when the
/// header is read, before anything is sized from them; values at the bounds are accepted.
@Suite struct HeaderLimitTests {
  /// Asserts that both reading the header and decoding `url` throw `outOfRange` for `limit` and `value`,
  /// with a message naming the file, the value and the accepted range.
  static func expectOutOfRange(
    _ url: URL, _ limit: MediaLimit, _ value: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let expected = MediaError.outOfRange(path: url.path, limit: limit, value: value)
    for read in [{ _ = try AudioFile.info(at: url) }, { _ = try AudioFile.read(from: url) }] {
      #expect(throws: expected, sourceLocation: sourceLocation) { try read() }
    }
    let message = expected.description
    #expect(message.hasPrefix(url.path + ": "), sourceLocation: sourceLocation)
    #expect(message.contains("\(value) \(limit.unit)"), sourceLocation: sourceLocation)
    #expect(
      message.contains("\(limit.allowed.lowerBound)…\(limit.allowed.upperBound)"), sourceLocation: sourceLocation)
  }

  /// 2 147 483 647 Hz once made the noise clip resampled to it ask for 77 GB; 67 124 864 Hz is 16 000 Hz
  /// with one bit flipped, which grew memory without end; 1 Hz cannot carry speech.
  @Test(arguments: [2_147_483_647, 67_124_864, 1, 999, 384_001])
  func implausibleSampleRatesAreRefused(rate: Int) throws {
    let folder = try TemporaryFolder()
    let url = folder.file("rate-\(rate).wav")
    try WAVBytes.pcm16(frames: 1_000, sampleRate: UInt32(rate)).write(to: url)
    Self.expectOutOfRange(url, .sampleRate, rate)
  }

  @Test(arguments: [1_000, 8_000, 384_000])
  func ratesWithinTheRangeAreRead(rate: Int) throws {
    let folder = try TemporaryFolder()
    let url = folder.file("rate-\(rate).wav")
    try WAVBytes.pcm16(frames: 1_000, sampleRate: UInt32(rate)).write(to: url)
    #expect(try AudioFile.info(at: url).sampleRate == rate)
    #expect(try AudioFile.read(from: url).buffer.frameCount == 1_000)
  }

  @Test func tooManyChannelsAreRefused() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("many.wav")
    try WAVBytes.pcm16(frames: 100, channels: 65).write(to: url)
    Self.expectOutOfRange(url, .channelCount, 65)
    let most = folder.file("most.wav")
    try WAVBytes.pcm16(frames: 100, channels: 64).write(to: most)
    #expect(try AudioFile.read(from: most).buffer.channelCount == 64)
  }

  /// A sparse file whose data chunk really holds 2³¹ − 8 frames of 16-bit PCM: the header is honest, the
  /// length is over the limit, and it is refused from the header without a byte of it being decoded.
  @Test func lengthOverTheLimitIsRefusedFromTheHeader() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("long.wav")
    let dataSize: UInt32 = 0xFFFF_FFF0
    try WAVBytes.pcm16(frames: 0).header(dataSize: dataSize).write(to: url)
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 44 + UInt64(dataSize))
    try handle.close()
    Self.expectOutOfRange(url, .sampleCount, Int(dataSize / 2))
  }

  /// Resampling checks its output length against the same bound before allocating it.
  @Test func resamplingPastTheSampleLimitIsRefused() throws {
    let buffer = AudioBuffer(mono: [Float](repeating: 0, count: 1 << 21), sampleRate: 1_000)
    #expect(throws: Resampler.Error.outputTooLong(frames: (1 << 21) * 384, channels: 1)) {
      _ = try Resampler.resample(buffer, to: 384_000)
    }
  }
}
