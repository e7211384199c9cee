import CSndFile
import Foundation

/// An open libsndfile handle that is always closed exactly once.
///
/// `SNDFILE*` is not thread-safe, so the handle is not `Sendable`: it lives inside one call of
/// ``AudioFile`` and is closed by `close()` or, on an early exit, by `deinit`.
final class SoundFileHandle {
  private var pointer: OpaquePointer!
  /// The path to name in errors (the final path when writing under a temporary name).
  private let reportedPath: String
  let info: AudioFile.Info

  /// Opens `path` for reading and checks that it holds audio that is all there.
  init(reading path: String) throws {
    try Self.checkReadable(path)
    var raw = SF_INFO()
    guard let pointer = sf_open(path, Int32(SFM_READ), &raw) else {
      throw Self.openError(path: path, code: sf_error(nil), message: String(cString: sf_strerror(nil)))
    }
    self.pointer = pointer
    self.reportedPath = path
    self.info = AudioFile.Info(
      format: Self.format(of: raw.format), sampleRate: Int(raw.samplerate),
      channelCount: Int(raw.channels), frameCount: Int(raw.frames))
    guard raw.samplerate > 0, raw.channels > 0 else {
      throw MediaError.corrupt(path: path, detail: "header gives \(raw.samplerate) Hz and \(raw.channels) channels")
    }
    if let shortfall = Self.dataShortfall(inLogOf: pointer) {
      throw MediaError.truncated(path: path, detail: shortfall)
    }
    guard raw.frames > 0 else { throw MediaError.noFrames(path: path) }
  }

  /// Creates `path` for writing `buffer`'s rate and channel count in `format`; errors name `reportedPath`.
  init(writing path: String, reportedAs reportedPath: String, format: AudioWriteFormat, like buffer: AudioBuffer)
    throws
  {
    var raw = SF_INFO()
    raw.samplerate = Int32(buffer.sampleRate)
    raw.channels = Int32(buffer.channelCount)
    raw.format = Self.formatCode(format)
    guard sf_format_check(&raw) == SF_TRUE else {
      throw MediaError.unsupported(
        path: reportedPath,
        detail: "\(format.rawValue) cannot hold \(buffer.channelCount) channels at \(buffer.sampleRate) Hz")
    }
    guard let pointer = sf_open(path, Int32(SFM_WRITE), &raw) else {
      throw MediaError.writeFailed(path: reportedPath, detail: String(cString: sf_strerror(nil)))
    }
    self.pointer = pointer
    self.reportedPath = reportedPath
    self.info = AudioFile.Info(
      format: Self.format(of: raw.format), sampleRate: buffer.sampleRate,
      channelCount: buffer.channelCount, frameCount: 0)
    // A PEAK chunk carries a timestamp; without it the same samples always give the same bytes.
    sf_command(pointer, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
  }

  deinit {
    if let pointer { sf_close(pointer) }
  }

  /// Closes the file, reporting a failure to flush (e.g. a full disk).
  func close() throws {
    let status = sf_close(pointer)
    pointer = nil
    if status != 0 {
      throw MediaError.writeFailed(path: reportedPath, detail: String(cString: sf_error_number(status)))
    }
  }

  /// Reads every frame: first as many as the header promises straight into the result (at most 2^24, so
  /// a header that lies about its length cannot make us allocate much more than the data that is really
  /// there), then on in small blocks until libsndfile has no more.
  ///
  /// Decoding into one allocation of the right size matters for short clips: a fixed large block is
  /// fresh memory for the kernel to zero and map on every read, and libsndfile also zero-fills whatever
  /// part of a block a read leaves empty.
  func readAllFrames() throws -> [Float] {
    let channels = info.channelCount
    let promised = min(info.frameCount, 1 << 24)
    var samples = [Float](unsafeUninitializedCapacity: promised * channels) { buffer, initialized in
      let read = sf_readf_float(pointer, buffer.baseAddress, sf_count_t(promised))
      initialized = max(0, Int(read)) * channels
    }
    let blockFrames = 4096
    var block = [Float](repeating: 0, count: blockFrames * channels)
    while true {
      let read = block.withUnsafeMutableBufferPointer { sf_readf_float(pointer, $0.baseAddress, sf_count_t(blockFrames)) }
      if read <= 0 { break }
      samples.append(contentsOf: block[0..<(Int(read) * channels)])
    }
    if sf_error(pointer) != 0 {
      throw MediaError.corrupt(path: reportedPath, detail: String(cString: sf_strerror(pointer)))
    }
    let frames = samples.count / channels
    if frames < info.frameCount {
      throw MediaError.truncated(path: reportedPath, detail: "\(frames) of \(info.frameCount) frames could be decoded")
    }
    if frames == 0 { throw MediaError.noFrames(path: reportedPath) }
    return samples
  }

  /// Writes every frame of `buffer`, quantising integer formats as ``AudioFile/write(_:to:as:)`` documents.
  func write(_ buffer: AudioBuffer, format: AudioWriteFormat) throws {
    let interleaved = buffer.interleaved()
    let frames = sf_count_t(buffer.frameCount)
    let written: sf_count_t
    if let bits = format.integerBits {
      let levels = Self.leftJustifiedLevels(interleaved, bits: bits)
      written = levels.withUnsafeBufferPointer { sf_writef_int(pointer, $0.baseAddress, frames) }
    } else {
      written = interleaved.withUnsafeBufferPointer { sf_writef_float(pointer, $0.baseAddress, frames) }
    }
    if written != frames || sf_error(pointer) != 0 {
      throw MediaError.writeFailed(path: reportedPath, detail: String(cString: sf_strerror(pointer)))
    }
  }

  /// `round(x × 2^(bits-1))` (ties to even), clamped to the format's range and shifted to the top of an
  /// Int32, which is how libsndfile's integer interface expects every PCM width.
  static func leftJustifiedLevels(_ samples: [Float], bits: Int) -> [Int32] {
    let scale = Float(1 << (bits - 1))
    let low = -scale, high = scale - 1
    let shift = Int32(32 - bits)
    return [Int32](unsafeUninitializedCapacity: samples.count) { output, initialized in
      samples.withUnsafeBufferPointer { input in
        for index in 0..<input.count {
          let level = min(max(input[index] * scale, low), high).rounded(.toNearestOrEven)
          output[index] = Int32(level) << shift
        }
      }
      initialized = samples.count
    }
  }

  private static func checkReadable(_ path: String) throws {
    var status = stat()
    guard stat(path, &status) == 0 else { throw MediaError.fileNotFound(path: path) }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw MediaError.notAudio(path: path, reason: "it is a folder")
    }
    if status.st_size == 0 { throw MediaError.emptyFile(path: path) }
  }

  private static func openError(path: String, code: Int32, message: String) -> MediaError {
    switch Int(code) {
    case SF_ERR_MALFORMED_FILE: .corrupt(path: path, detail: message)
    case SF_ERR_UNSUPPORTED_ENCODING: .unsupported(path: path, detail: message)
    default: .notAudio(path: path, reason: message)
    }
  }

  /// libsndfile accepts a data chunk shorter than its header claims and only notes
  /// `data : 800 (should be 500)` in its log; that is a truncated (or lying) file, so we refuse it.
  private static func dataShortfall(inLogOf pointer: OpaquePointer) -> String? {
    var log = [CChar](repeating: 0, count: 16_384)
    sf_command(pointer, Int32(SFC_GET_LOG_INFO), &log, Int32(log.count))
    // Nearly every file is consistent: look for libsndfile's marker before decoding the log as text.
    guard strstr(log, "(should be") != nil else { return nil }
    let text = String(nullTerminated: log)
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("data") || trimmed.hasPrefix("SSND"), trimmed.contains("(should be") else { continue }
      let numbers = trimmed.split(whereSeparator: { !$0.isNumber }).compactMap { UInt64($0) }
      // Streaming writers leave 0 or 0xFFFFFFFF as a placeholder size: that is not a cut-off file.
      guard numbers.count >= 2, let claimed = numbers.first, let actual = numbers.last,
        claimed != 0, claimed != 0xFFFF_FFFF, actual < claimed
      else { continue }
      return "the header promises \(claimed) bytes of audio, the file holds \(actual)"
    }
    return nil
  }
}
