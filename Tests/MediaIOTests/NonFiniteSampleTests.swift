import Foundation
import Testing

@testable import MediaIO

/// Float audio holding NaN or infinities is refused when it is read, naming the file, how many samples
/// are bad and the first frame holding one.
@Suite struct NonFiniteSampleTests {
  static func tone(frames: Int, channels: Int) -> [Float] {
    (0..<(frames * channels)).map { Float(0.25 * sin(Double($0) * 0.01)) }
  }

  @Test func nanAndInfinitiesInAFloatWAVAreRefused() throws {
    let folder = try TemporaryFolder()
    var samples = Self.tone(frames: 1_000, channels: 2)
    samples[2 * 100 + 1] = .nan  // frame 100, right channel
    samples[2 * 300] = .infinity
    samples[2 * 400 + 1] = -.infinity
    let url = folder.file("nan.wav")
    try WAVBytes.float32(samples, channels: 2).write(to: url)
    let expected = MediaError.nonFiniteSamples(path: url.path, count: 3, firstFrame: 100)
    #expect(throws: expected) { _ = try AudioFile.read(from: url) }
    #expect(expected.description.hasPrefix(url.path + ": 3 samples are NaN or infinite, the first in frame 100."))
  }

  /// A single infinity in the last sample of a file read block by block is found too.
  @Test func infinityInTheLastBlockIsFound() throws {
    let folder = try TemporaryFolder()
    let frames = SoundFileHandle.reservedFrames + 10
    var samples = Self.tone(frames: frames, channels: 1)
    samples[frames - 1] = .infinity
    let url = folder.file("late.wav")
    try WAVBytes.float32(samples).write(to: url)
    #expect(throws: MediaError.nonFiniteSamples(path: url.path, count: 1, firstFrame: frames - 1)) {
      _ = try AudioFile.read(from: url)
    }
  }

  @Test func finiteFloatSamplesReadExactly() throws {
    let folder = try TemporaryFolder()
    let samples = Self.tone(frames: 1_000, channels: 1) + [Float.greatestFiniteMagnitude, -.leastNonzeroMagnitude]
    let url = folder.file("finite.wav")
    try WAVBytes.float32(samples).write(to: url)
    #expect(try AudioFile.read(from: url).buffer.channels[0] == samples)
  }
}
