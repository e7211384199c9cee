import MediaIO

/// The encoding of an image run's samples (`--image-format`). Without one, each sample is stored as its
/// source was: PNG, or JPEG at the source's estimated quality.
public enum ImageOutputFormat: String, Sendable, CaseIterable {
  case png, jpeg

  /// How a sample made from a source stored as `source` is written. JPEG keeps a JPEG source's quality
  /// and uses ``JPEGFile/defaultQuality`` for a PNG source.
  func encoding(forSourceStoredAs source: ImageEncoding) -> ImageEncoding {
    switch (self, source) {
    case (.png, _): .png
    case (.jpeg, .jpeg): source
    case (.jpeg, .png): .jpeg(quality: JPEGFile.defaultQuality)
    }
  }
}

/// The zlib compression level of a run's PNG samples (`--png-level`).
public enum PNGLevel {
  /// The levels accepted, with zlib's meaning: 0 stores, 1 is fastest, 9 smallest.
  public static let range = 0...9
  /// The level a run writes at unless told otherwise. BENCHMARKS.md ("PNG level") gives the size and time
  /// of each level on the shipped slices' samples: level 1 writes them several times faster than level 6
  /// for files a few percent larger, the trade OpenCV's `imwrite` makes by default.
  public static let runDefault = 1
  /// The level of folders written before the level was recorded: the PNG writer's own default.
  public static let unrecorded = PNGFile.defaultCompressionLevel
}

/// The file format of an audio run's samples (`--audio-format`), both 16-bit PCM.
public enum AudioOutputFormat: String, Sendable, CaseIterable {
  case wav, flac

  var writeFormat: AudioWriteFormat {
    switch self {
    case .wav: .wavPCM16
    case .flac: .flacPCM16
    }
  }

  var fileExtension: String { rawValue }
}
