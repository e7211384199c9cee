import CSndFile
import Foundation

/// An open libsndfile handle that is always closed exactly once.
///
/// `SNDFILE*` is not thread-safe, so the handle is not `Sendable`: it lives inside one call of
/// ``AudioFile`` and is closed by `close()` or, on an early exit, by `deinit`.
final class SoundFileHandle {
  private var pointer: OpaquePointer!
  /// The open file when reading; closed after libsndfile's handle, when this value is released.
  private let file: RegularFile?
  /// What libsndfile reads the file through when reading (its bytes in memory, or the open file); kept
  /// until the handle closes.
  private let reader: SoundFileReader?
  /// The buffer an in-memory encoding is written to; kept until the handle closes.
  private let sink: SoundFileSink?
  /// The path to name in errors (the final path when writing under a temporary name).
  private let reportedPath: String
  let info: AudioFile.Info
  /// Whether samples are stored as 16-bit integers, which are read as such and converted here.
  private let sixteenBitPCM: Bool

  /// Opens `path` for reading and checks that it holds audio that is all there, within ``MediaLimit``.
  /// Unless only the header is wanted, a file of up to ``SoundFileBytes/maximumSize`` is read into
  /// memory first; otherwise libsndfile reads the open file through ``SoundFileDescriptorIO``.
  convenience init(reading path: String, headerOnly: Bool = false) throws {
    let file = try RegularFile(path: path)
    var raw = SF_INFO()
    let source: any SoundFileSource =
      try (headerOnly ? nil : SoundFileBytes(file: file, path: path)) ?? SoundFileDescriptorIO(file: file)
    let reader = SoundFileReader(source)
    let opened = reader.openDecoder(&raw)
    try self.init(opened: opened, raw: raw, file: file, reader: reader, path: path)
  }

  /// Opens `bytes` held in memory for reading, with the checks of ``init(reading:headerOnly:)``;
  /// errors name `name`.
  convenience init(decoding bytes: SoundFileBytes, name: String) throws {
    var raw = SF_INFO()
    let reader = SoundFileReader(bytes)
    let opened = reader.openDecoder(&raw)
    try self.init(opened: opened, raw: raw, file: nil, reader: reader, path: name)
  }

  /// Takes over a handle libsndfile opened for reading (or reports why it did not) and checks its header.
  private init(opened: OpaquePointer?, raw: SF_INFO, file: RegularFile?, reader: SoundFileReader, path: String) throws {
    guard let pointer = opened else {
      throw Self.openError(path: path, code: sf_error(nil), message: String(cString: sf_strerror(nil)))
    }
    self.pointer = pointer
    self.file = file
    self.reader = reader
    self.sink = nil
    self.reportedPath = path
    self.sixteenBitPCM = raw.format & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_PCM_16)
    self.info = AudioFile.Info(
      format: Self.format(of: raw.format), sampleRate: Int(raw.samplerate),
      channelCount: Int(raw.channels), frameCount: Int(raw.frames))
    try MediaLimit.sampleRate.check(Int(raw.samplerate), path: path)
    try MediaLimit.channelCount.check(Int(raw.channels), path: path)
    if let shortfall = Self.dataShortfall(inLogOf: pointer) {
      throw MediaError.truncated(path: path, detail: shortfall)
    }
    guard raw.frames > 0 else { throw MediaError.noFrames(path: path) }
    let (samples, overflow) = Int(raw.frames).multipliedReportingOverflow(by: Int(raw.channels))
    try MediaLimit.sampleCount.check(overflow ? Int.max : samples, path: path)
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
    self.file = nil
    self.reader = nil
    self.sink = nil
    self.reportedPath = reportedPath
    self.sixteenBitPCM = format.integerBits == 16
    self.info = AudioFile.Info(
      format: Self.format(of: raw.format), sampleRate: buffer.sampleRate,
      channelCount: buffer.channelCount, frameCount: 0)
    // A PEAK chunk carries a timestamp; without it the same samples always give the same bytes.
    sf_command(pointer, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
  }

  /// Opens `sink` for libsndfile to encode `buffer`'s rate and channel count as `formatCode`; errors name `name`.
  ///
  /// The caller checks the combination with `sf_format_check` first, so a failure here is the encoder's.
  init(encodingInto sink: SoundFileSink, formatCode: Int32, like buffer: AudioBuffer, name: String) throws {
    var raw = SF_INFO()
    raw.samplerate = Int32(buffer.sampleRate)
    raw.channels = Int32(buffer.channelCount)
    raw.format = formatCode
    guard let pointer = sink.openEncoder(&raw) else {
      throw MediaError.writeFailed(path: name, detail: String(cString: sf_strerror(nil)))
    }
    self.pointer = pointer
    self.file = nil
    self.reader = nil
    self.sink = sink
    self.reportedPath = name
    self.sixteenBitPCM = false
    self.info = AudioFile.Info(
      format: Self.format(of: raw.format), sampleRate: buffer.sampleRate,
      channelCount: buffer.channelCount, frameCount: 0)
    sf_command(pointer, Int32(SFC_SET_ADD_PEAK_CHUNK), nil, Int32(SF_FALSE))
  }

  /// Sets the encoder's compression level (0…1), which libsndfile maps to a target bitrate.
  func setCompressionLevel(_ level: Double) throws {
    var level = level
    guard sf_command(pointer, Int32(SFC_SET_COMPRESSION_LEVEL), &level, Int32(MemoryLayout<Double>.size)) == SF_TRUE
    else { throw encoderRefusal("compression level \(level)") }
  }

  /// Asks the encoder for a constant bitrate. libsndfile's MPEG encoder does not return `SF_TRUE` when it
  /// accepts the mode, so the mode is read back instead.
  func setConstantBitrate() throws {
    var mode = Int32(SF_BITRATE_MODE_CONSTANT)
    sf_command(pointer, Int32(SFC_SET_BITRATE_MODE), &mode, Int32(MemoryLayout<Int32>.size))
    guard sf_command(pointer, Int32(SFC_GET_BITRATE_MODE), nil, 0) == Int32(SF_BITRATE_MODE_CONSTANT) else {
      throw encoderRefusal("a constant bitrate")
    }
  }

  private func encoderRefusal(_ setting: String) -> MediaError {
    .unsupported(path: reportedPath, detail: "the encoder refused \(setting): \(String(cString: sf_strerror(pointer)))")
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

  /// Reads every frame. The array is sized from the header's frame count, but to no more than
  /// `reservedFrames` before anything is read, so a header that lies about its length can never make us
  /// allocate (or touch) more than the data that is really there; longer files continue block by block.
  func readAllFrames() throws -> [Float] {
    let channels = info.channelCount
    let reserved = min(info.frameCount, Self.reservedFrames)
    var frames = 0
    var samples = [Float](unsafeUninitializedCapacity: reserved * channels) { buffer, initialized in
      frames = readFrames(into: buffer.baseAddress!, count: reserved)
      initialized = frames * channels
    }
    if frames == reserved && frames < info.frameCount {
      var block = [Float](repeating: 0, count: Self.reservedFrames * channels)
      while true {
        let read = block.withUnsafeMutableBufferPointer { readFrames(into: $0.baseAddress!, count: Self.reservedFrames) }
        guard read > 0 else { break }
        samples.append(contentsOf: block[0..<(read * channels)])
        frames += read
      }
    }
    if sf_error(pointer) != 0 {
      throw MediaError.corrupt(path: reportedPath, detail: String(cString: sf_strerror(pointer)))
    }
    if frames < info.frameCount {
      throw MediaError.truncated(path: reportedPath, detail: "\(frames) of \(info.frameCount) frames could be decoded")
    }
    if frames == 0 { throw MediaError.noFrames(path: reportedPath) }
    // 16-bit levels divided by 2^15 are always finite; every other encoding may decode to NaN or ±inf.
    if !sixteenBitPCM, let (count, first) = samples.withUnsafeBufferPointer(NonFiniteSamples.find) {
      throw MediaError.nonFiniteSamples(path: reportedPath, count: count, firstFrame: first / channels)
    }
    return samples
  }

  /// Seeks to the last frame the header promises and decodes it.
  ///
  /// A PCM file shorter than its header says is caught from libsndfile's log when it opens, but a
  /// compressed one is not: a FLAC cut after its STREAMINFO block still reports the full length. Seeking
  /// to the end (libFLAC bisects the file for the frame) and decoding one frame is cheap and proves the
  /// length is there, without decoding the rest.
  func checkLastFrameDecodes() throws {
    let last = sf_count_t(info.frameCount - 1)
    var frame = [Float](repeating: 0, count: info.channelCount)
    guard sf_seek(pointer, last, SEEK_SET) == last, sf_readf_float(pointer, &frame, 1) == 1 else {
      throw MediaError.truncated(
        path: reportedPath, detail: "the header promises \(info.frameCount) frames, and the last cannot be decoded")
    }
  }

  /// The most frames allocated before they are read (1 Mi frames, about 66 s at 16 kHz).
  static let reservedFrames = 1 << 20

  /// Reads up to `count` frames into `destination`, returning how many were read before the end or an error.
  ///
  /// 16-bit PCM is read as integers and divided by 2^15 here, which gives exactly the floats libsndfile's
  /// own conversion gives (the division by a power of two is exact) several times faster.
  private func readFrames(into destination: UnsafeMutablePointer<Float>, count: Int) -> Int {
    let channels = info.channelCount
    guard sixteenBitPCM else {
      var frames = 0
      while frames < count {
        let read = sf_readf_float(pointer, destination + frames * channels, sf_count_t(count - frames))
        if read <= 0 { break }
        frames += Int(read)
      }
      return frames
    }
    let blockFrames = min(count, Self.sixteenBitBlockFrames)
    return withUnsafeTemporaryAllocation(of: Int16.self, capacity: blockFrames * channels) { block in
      var frames = 0
      while frames < count {
        let read = Int(sf_readf_short(pointer, block.baseAddress, sf_count_t(min(blockFrames, count - frames))))
        if read <= 0 { break }
        PCMLevels.normalize(UnsafeBufferPointer(rebasing: block[0..<(read * channels)]), into: destination + frames * channels)
        frames += read
      }
      return frames
    }
  }

  /// Frames of 16-bit PCM read per call before they are converted.
  private static let sixteenBitBlockFrames = 4_096

  /// Writes every frame of `buffer` as `integerBits`-bit levels (quantised as ``AudioFile/write(_:to:as:)``
  /// documents), or as floats when `nil`.
  func write(_ buffer: AudioBuffer, integerBits: Int?) throws {
    let interleaved = buffer.interleaved()
    let frames = sf_count_t(buffer.frameCount)
    let written: sf_count_t
    if integerBits == 16 {
      let levels = PCMLevels.sixteenBit(interleaved)
      written = levels.withUnsafeBufferPointer { sf_writef_short(pointer, $0.baseAddress, frames) }
    } else if let bits = integerBits {
      let levels = PCMLevels.leftJustified(interleaved, bits: bits)
      written = levels.withUnsafeBufferPointer { sf_writef_int(pointer, $0.baseAddress, frames) }
    } else {
      written = interleaved.withUnsafeBufferPointer { sf_writef_float(pointer, $0.baseAddress, frames) }
    }
    if written != frames || sf_error(pointer) != 0 {
      throw MediaError.writeFailed(path: reportedPath, detail: String(cString: sf_strerror(pointer)))
    }
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
