import CSndFile
import Foundation
import Testing

@testable import MediaIO

@Suite struct AudioFileRoundTripTests {
  /// Every integer level of `bits`, spread over `frames × channels` samples, as `k / 2^(bits-1)`.
  static func levels(bits: Int, frames: Int, channels: Int, sampleRate: Int) -> AudioBuffer {
    let full = 1 << (bits - 1)
    var generator = LinearCongruential(seed: UInt64(bits * 1000 + channels))
    let planar = (0..<channels).map { channel in
      (0..<frames).map { frame -> Float in
        // Include the extremes explicitly; the rest are pseudo-random levels.
        let level: Int
        switch frame {
        case 0: level = -full
        case 1: level = full - 1
        case 2: level = 0
        default: level = Int(generator.next() % UInt64(2 * full)) - full
        }
        return Float(min(level + channel, full - 1)) / Float(full)
      }
    }
    return AudioBuffer(channels: planar, sampleRate: sampleRate)
  }

  @Test(arguments: [(AudioWriteFormat.wavPCM16, 16), (.wavPCM24, 24), (.flacPCM16, 16), (.flacPCM24, 24)])
  func integerFormatsAreSampleExact(format: AudioWriteFormat, bits: Int) throws {
    let folder = try TemporaryFolder()
    let original = Self.levels(bits: bits, frames: 4_000, channels: 2, sampleRate: 22_050)
    let url = folder.file("round-trip.\(format.rawValue.hasPrefix("flac") ? "flac" : "wav")")
    try AudioFile.write(original, to: url, as: format)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.buffer == original)
    #expect(decoded.format.encoding == "pcm\(bits)")
    #expect(decoded.format.container == (format.rawValue.hasPrefix("flac") ? "flac" : "wav"))
  }

  /// Longer than what is allocated before reading, so the rest arrives block by block.
  @Test func fileLongerThanTheReservationReadsWhole() throws {
    let folder = try TemporaryFolder()
    let frames = SoundFileHandle.reservedFrames * 2 + 1_234
    let original = Self.levels(bits: 16, frames: frames, channels: 1, sampleRate: 16_000)
    let url = folder.file("long.wav")
    try AudioFile.write(original, to: url, as: .wavPCM16)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.buffer.frameCount == frames)
    #expect(decoded.buffer == original)
  }

  @Test func float32IsBitExact() throws {
    let folder = try TemporaryFolder()
    var generator = LinearCongruential(seed: 3)
    let samples = (0..<10_000).map { _ in Float(bitPattern: UInt32(0x3F00_0000) | UInt32(generator.next() & 0x7F_FFFF)) * (generator.next() & 1 == 0 ? 1 : -1) }
    let original = AudioBuffer(mono: samples, sampleRate: 16_000)
    let url = folder.file("float.wav")
    try AudioFile.write(original, to: url, as: .wavFloat32)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.buffer.channels[0].map(\.bitPattern) == samples.map(\.bitPattern))
    #expect(decoded.format.encoding == "float32")
  }

  @Test func extensionChoosesFormatAndRewriteIsByteIdentical() throws {
    let folder = try TemporaryFolder()
    let original = Self.levels(bits: 16, frames: 1_000, channels: 1, sampleRate: 16_000)
    for name in ["a.wav", "b.flac"] {
      let first = folder.file(name), second = folder.file("again-" + name)
      try AudioFile.write(original, to: first)
      try AudioFile.write(try AudioFile.read(from: first).buffer, to: second)
      #expect(try Data(contentsOf: first) == Data(contentsOf: second))
      #expect(try AudioFile.info(at: first).format.encoding == "pcm16")
    }
    #expect(throws: MediaError.self) { try AudioFile.write(original, to: folder.file("c.mp4")) }
  }

  @Test func sixChannels48kHzKeepRateChannelsAndSamples() throws {
    let folder = try TemporaryFolder()
    let original = Self.levels(bits: 24, frames: 48_000, channels: 6, sampleRate: 48_000)
    let url = folder.file("surround.wav")
    try AudioFile.write(original, to: url, as: .wavPCM24)
    let info = try AudioFile.info(at: url)
    #expect(info.channelCount == 6 && info.sampleRate == 48_000 && info.frameCount == 48_000)
    #expect(info.duration == 1.0)
    #expect(try AudioFile.read(from: url).buffer == original)
  }

  @Test func nonASCIIFileName() throws {
    let folder = try TemporaryFolder()
    let original = Self.levels(bits: 16, frames: 500, channels: 1, sampleRate: 8_000)
    let url = folder.file("café ñandú 音声.wav")
    try AudioFile.write(original, to: url)
    #expect(try AudioFile.read(from: url).buffer == original)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["café ñandú 音声.wav"])
  }

  /// Formats the tool reads but does not write, encoded by libsndfile itself as the reference.
  @Test(arguments: [
    (Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_U8), "wav", "pcm8u", 8),
    (Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_32), "wav", "pcm32", 16),
    (Int32(SF_FORMAT_AIFF | SF_FORMAT_PCM_16), "aiff", "pcm16", 16),
    (Int32(SF_FORMAT_WAV | SF_FORMAT_DOUBLE), "wav", "float64", 16),
  ])
  func readsOtherIntegerAndFloatSubtypesExactly(code: Int32, container: String, encoding: String, bits: Int) throws {
    let folder = try TemporaryFolder()
    let original = Self.levels(bits: bits, frames: 2_000, channels: 1, sampleRate: 16_000)
    let url = folder.file("reference.\(container)")
    try ReferenceEncoder.write(original, code: code, to: url)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.format.container == container && decoded.format.encoding == encoding)
    #expect(decoded.buffer == original)
    // The header check decodes the last frame; every complete file passes it.
    #expect(try AudioFile.info(at: url).frameCount == 2_000)
  }

  @Test func readsOggVorbis() throws {
    let folder = try TemporaryFolder()
    let tone = (0..<16_000).map { Float(0.5 * sin(2 * Double.pi * 440 * Double($0) / 16_000)) }
    let url = folder.file("tone.ogg")
    try ReferenceEncoder.write(AudioBuffer(mono: tone, sampleRate: 16_000), code: Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS), to: url)
    let decoded = try AudioFile.read(from: url)
    #expect(decoded.format.container == "ogg" && decoded.format.encoding == "vorbis")
    #expect(decoded.buffer.sampleRate == 16_000 && decoded.buffer.frameCount == 16_000)
    #expect(try AudioFile.info(at: url).frameCount == 16_000)
    // Lossy: the level survives within a fraction of a dB.
    let rms = { (x: [Float]) in (x.reduce(0) { $0 + Double($1 * $1) } / Double(x.count)).squareRoot() }
    #expect(abs(20 * log10(rms(decoded.buffer.channels[0]) / rms(tone))) < 0.5)
  }
}

/// A tiny deterministic generator for test data.
struct LinearCongruential {
  private var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9 }
  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }
}

/// Writes files straight through libsndfile, for subtypes `AudioFile` only reads.
enum ReferenceEncoder {
  static func write(_ buffer: AudioBuffer, code: Int32, to url: URL) throws {
    var info = SF_INFO()
    info.samplerate = Int32(buffer.sampleRate)
    info.channels = Int32(buffer.channelCount)
    info.format = code
    guard let handle = sf_open(url.path, Int32(SFM_WRITE), &info) else {
      throw MediaError.writeFailed(path: url.path, detail: "reference encoder could not open")
    }
    defer { sf_close(handle) }
    let interleaved = buffer.interleaved()
    if code & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_DOUBLE) || code & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_VORBIS) {
      _ = interleaved.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(buffer.frameCount)) }
    } else {
      // Integer subtypes: exact levels through the left-justified int interface.
      let ints = interleaved.map { Int32(($0 * 2_147_483_648).rounded()) }
      _ = ints.withUnsafeBufferPointer { sf_writef_int(handle, $0.baseAddress, sf_count_t(buffer.frameCount)) }
    }
  }
}
