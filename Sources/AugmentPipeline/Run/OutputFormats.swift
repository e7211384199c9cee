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
