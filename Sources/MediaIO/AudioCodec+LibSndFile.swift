import CSndFile

extension AudioCodec {
  /// Encodes `buffer` in memory and returns the bytes of the whole file (container included); errors
  /// name `name`.
  ///
  /// G.711 and GSM 6.10 are handed 16-bit levels (their encoders quantise from 16-bit PCM), so a sample
  /// maps to a level as ``AudioFile/write(_:to:as:)`` documents; Opus and MP3 take the floats. MP3 is
  /// encoded at a constant bitrate so that the compression level alone sets it.
  ///
  /// - Throws: ``MediaError/unsupported(path:detail:)`` when `buffer`'s rate is not in ``sampleRates``,
  ///   when a level is given to a codec that takes none (or none to one that needs it), or the level is
  ///   outside 0…1; ``MediaError/writeFailed(path:detail:)`` when the encoder fails.
  public func encode(_ buffer: AudioBuffer, compressionLevel: Double?, name: String) throws -> [UInt8] {
    guard sampleRates.contains(buffer.sampleRate) else {
      throw MediaError.unsupported(
        path: name,
        detail: "\(rawValue) encodes \(sampleRates.map(String.init).joined(separator: ", ")) Hz, not \(buffer.sampleRate) Hz")
    }
    if let level = compressionLevel {
      guard takesCompressionLevel else {
        throw MediaError.unsupported(path: name, detail: "\(rawValue) has a fixed bitrate; no compression level \(level)")
      }
      guard (0...1).contains(level) else {
        throw MediaError.unsupported(path: name, detail: "compression level \(level) is outside 0…1")
      }
    } else if takesCompressionLevel {
      throw MediaError.unsupported(path: name, detail: "\(rawValue) needs a compression level in 0…1")
    }
    var raw = SF_INFO()
    raw.samplerate = Int32(buffer.sampleRate)
    raw.channels = Int32(buffer.channelCount)
    raw.format = formatCode
    guard sf_format_check(&raw) == SF_TRUE else {
      throw MediaError.unsupported(
        path: name, detail: "this libsndfile cannot encode \(rawValue) with \(buffer.channelCount) channels")
    }
    let sink = SoundFileSink()
    let handle = try SoundFileHandle(encodingInto: sink, formatCode: formatCode, like: buffer, name: name)
    if self == .mp3 { try handle.setConstantBitrate() }
    if let compressionLevel { try handle.setCompressionLevel(compressionLevel) }
    try handle.write(buffer, integerBits: takesCompressionLevel ? nil : 16)
    try handle.close()
    return sink.bytes
  }

  /// libsndfile's container and encoding for the codec.
  var formatCode: Int32 {
    switch self {
    case .gsm: Int32(SF_FORMAT_WAV | SF_FORMAT_GSM610)
    case .opus: Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
    case .mp3: Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
    case .muLaw: Int32(SF_FORMAT_WAV | SF_FORMAT_ULAW)
    case .aLaw: Int32(SF_FORMAT_WAV | SF_FORMAT_ALAW)
    }
  }
}

extension AudioFile {
  /// Decodes a whole audio file held in `bytes` (any format ``read(from:)`` reads), with the same checks;
  /// errors name `name`.
  public static func decode(_ bytes: [UInt8], name: String) throws -> Decoded {
    let handle = try SoundFileHandle(decoding: SoundFileBytes(bytes: bytes), name: name)
    let info = handle.info
    let interleaved = try handle.readAllFrames()
    return Decoded(
      buffer: AudioBuffer(interleaved: interleaved, channelCount: info.channelCount, sampleRate: info.sampleRate),
      format: info.format)
  }
}
