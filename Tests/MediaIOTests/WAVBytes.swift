import Foundation

/// A canonical WAV file written byte by byte, so a test can make its header say anything.
///
/// RIFF header, a 16-byte `fmt ` chunk and a `data` chunk (Microsoft WAVE format): format tag 1 for
/// integer PCM or 3 for IEEE float, then channels, rate, byte rate, block align and bits per sample.
struct WAVBytes {
  var formatTag: UInt16 = 3
  var channels: UInt16 = 1
  var sampleRate: UInt32 = 16_000
  var bitsPerSample: UInt16 = 32
  var data: Data = Data()

  /// A float WAV holding `samples` (frame-interleaved for several channels).
  static func float32(_ samples: [Float], channels: UInt16 = 1, sampleRate: UInt32 = 16_000) -> WAVBytes {
    WAVBytes(
      formatTag: 3, channels: channels, sampleRate: sampleRate, bitsPerSample: 32,
      data: samples.withUnsafeBytes { Data($0) })
  }

  /// A 16-bit PCM WAV of `frames` frames of silence per channel.
  static func pcm16(frames: Int, channels: UInt16 = 1, sampleRate: UInt32 = 16_000) -> WAVBytes {
    WAVBytes(
      formatTag: 1, channels: channels, sampleRate: sampleRate, bitsPerSample: 16,
      data: Data(count: frames * Int(channels) * 2))
  }

  /// The header for `dataSize` bytes of samples (the data chunk's declared size).
  func header(dataSize: UInt32) -> Data {
    let blockAlign = UInt32(channels) * UInt32(bitsPerSample / 8)
    var bytes = Data("RIFF".utf8)
    bytes.appendLittleEndian(UInt32(truncatingIfNeeded: 36 + UInt64(dataSize)))
    bytes += Data("WAVEfmt ".utf8)
    bytes.appendLittleEndian(UInt32(16))
    bytes.appendLittleEndian(formatTag)
    bytes.appendLittleEndian(channels)
    bytes.appendLittleEndian(sampleRate)
    bytes.appendLittleEndian(UInt32(truncatingIfNeeded: UInt64(sampleRate) * UInt64(blockAlign)))
    bytes.appendLittleEndian(UInt16(blockAlign))
    bytes.appendLittleEndian(bitsPerSample)
    bytes += Data("data".utf8)
    bytes.appendLittleEndian(dataSize)
    return bytes
  }

  var bytes: Data { header(dataSize: UInt32(data.count)) + data }

  func write(to url: URL) throws { try bytes.write(to: url) }
}

extension Data {
  fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
