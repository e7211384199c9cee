import CSndFile

extension SoundFileHandle {
  /// Names a libsndfile format code, with libsndfile's own descriptions.
  static func format(of code: Int32) -> AudioFormat {
    let major = code & Int32(SF_FORMAT_TYPEMASK)
    let sub = code & Int32(SF_FORMAT_SUBMASK)
    return AudioFormat(
      container: majorNames[major] ?? "format-0x\(String(major, radix: 16))",
      encoding: subtypeNames[sub] ?? "encoding-0x\(String(sub, radix: 16))",
      containerDescription: describe(major, command: Int32(SFC_GET_FORMAT_MAJOR_COUNT), Int32(SFC_GET_FORMAT_MAJOR)),
      encodingDescription: describe(sub, command: Int32(SFC_GET_FORMAT_SUBTYPE_COUNT), Int32(SFC_GET_FORMAT_SUBTYPE)))
  }

  static func formatCode(_ format: AudioWriteFormat) -> Int32 {
    switch format {
    case .wavPCM16: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
    case .wavPCM24: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)
    case .wavFloat32: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
    case .flacPCM16: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
    case .flacPCM24: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_24)
    }
  }

  private static let majorNames: [Int32: String] = [
    Int32(SF_FORMAT_WAV): "wav", Int32(SF_FORMAT_AIFF): "aiff", Int32(SF_FORMAT_AU): "au",
    Int32(SF_FORMAT_RAW): "raw", Int32(SF_FORMAT_W64): "w64", Int32(SF_FORMAT_RF64): "rf64",
    Int32(SF_FORMAT_WAVEX): "wavex", Int32(SF_FORMAT_FLAC): "flac", Int32(SF_FORMAT_OGG): "ogg",
    Int32(SF_FORMAT_CAF): "caf", Int32(SF_FORMAT_MPEG): "mpeg",
  ]

  private static let subtypeNames: [Int32: String] = [
    Int32(SF_FORMAT_PCM_S8): "pcm8", Int32(SF_FORMAT_PCM_U8): "pcm8u", Int32(SF_FORMAT_PCM_16): "pcm16",
    Int32(SF_FORMAT_PCM_24): "pcm24", Int32(SF_FORMAT_PCM_32): "pcm32", Int32(SF_FORMAT_FLOAT): "float32",
    Int32(SF_FORMAT_DOUBLE): "float64", Int32(SF_FORMAT_ULAW): "ulaw", Int32(SF_FORMAT_ALAW): "alaw",
    Int32(SF_FORMAT_IMA_ADPCM): "ima-adpcm", Int32(SF_FORMAT_MS_ADPCM): "ms-adpcm",
    Int32(SF_FORMAT_GSM610): "gsm610", Int32(SF_FORMAT_VORBIS): "vorbis", Int32(SF_FORMAT_OPUS): "opus",
    Int32(SF_FORMAT_MPEG_LAYER_III): "mp3",
  ]

  /// libsndfile's description of a major or subtype code, found by walking its format tables.
  private static func describe(_ code: Int32, command countCommand: Int32, _ itemCommand: Int32) -> String {
    var count: Int32 = 0
    sf_command(nil, countCommand, &count, Int32(MemoryLayout<Int32>.size))
    for index in 0..<count {
      var item = SF_FORMAT_INFO()
      item.format = index
      sf_command(nil, itemCommand, &item, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
      if item.format == code, let name = item.name { return String(cString: name) }
    }
    return "unknown"
  }
}
