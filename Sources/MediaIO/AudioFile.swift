import CSndFile
import Foundation

/// Audio files read and written through libsndfile.
public enum AudioFile {
  /// A decoded file: its samples and how the file stored them.
  public struct Decoded: Sendable {
    public var buffer: AudioBuffer
    public var format: AudioFormat
  }

  /// The format, rate, channel count and length of a file, without decoding its samples.
  public struct Info: Sendable, Equatable {
    public var format: AudioFormat
    public var sampleRate: Int
    public var channelCount: Int
    public var frameCount: Int
    public var duration: Double { Double(frameCount) / Double(sampleRate) }
  }

  /// Reads the header of the file at `url`, checks it against ``MediaLimit``, and decodes the last frame
  /// it promises, so a file cut short is refused here rather than reported at its header's length.
  public static func info(at url: URL) throws -> Info {
    try refuseImage(at: url)
    let handle = try SoundFileHandle(reading: url.path, headerOnly: true)
    try handle.checkLastFrameDecodes()
    return handle.info
  }

  /// Decodes every frame of the file at `url` into Float32 (integer PCM as `k / 2^(bits-1)`).
  ///
  /// Reads anything libsndfile reads: WAV (8/16/24/32-bit integer and float), FLAC, OGG/Vorbis, AIFF, MP3
  /// and more. A file outside ``MediaLimit``, cut short, or holding NaN or infinite samples throws a ``MediaError``
  /// naming it.
  public static func read(from url: URL) throws -> Decoded {
    try refuseImage(at: url)
    let handle = try SoundFileHandle(reading: url.path)
    let info = handle.info
    let interleaved = try handle.readAllFrames()
    return Decoded(
      buffer: AudioBuffer(interleaved: interleaved, channelCount: info.channelCount, sampleRate: info.sampleRate),
      format: info.format)
  }

  /// Writes `buffer` to `url`, atomically: under a temporary name first, renamed when complete.
  ///
  /// Integer formats round `sample × 2^(bits-1)` to the nearest level and clamp to the format's range,
  /// so a buffer read from a PCM file writes back sample-exact. The format defaults from the extension.
  public static func write(_ buffer: AudioBuffer, to url: URL, as format: AudioWriteFormat? = nil) throws {
    guard let format = format ?? AudioWriteFormat(pathExtension: url.pathExtension) else {
      throw MediaError.unsupported(
        path: url.path, detail: "cannot tell the format from “.\(url.pathExtension)”; use .wav or .flac")
    }
    try AtomicFile.write(to: url) { temporaryPath in
      let handle = try SoundFileHandle(writing: temporaryPath, reportedAs: url.path, format: format, like: buffer)
      try handle.write(buffer, integerBits: format.integerBits)
      try handle.close()
    }
  }

  /// Refuses a file whose content is an image, whatever its name, before libsndfile guesses at it;
  /// a file that cannot be opened is left to libsndfile to report.
  private static func refuseImage(at url: URL) throws {
    guard let format = try? MediaFormat.detect(at: url), format.kind == .image else { return }
    throw MediaError.notAudio(path: url.path, reason: "it holds a \(format.rawValue.uppercased()) image")
  }
}
