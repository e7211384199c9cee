/// How audio is stored in a file: the container and the sample encoding.
public struct AudioFormat: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The container, e.g. `wav`, `flac`, `ogg`, `aiff` (libsndfile's major format, lower-cased short name).
  public var container: String
  /// The sample encoding, e.g. `pcm16`, `pcm24`, `float32`, `vorbis`.
  public var encoding: String
  /// libsndfile's own descriptions, e.g. `WAV (Microsoft)` and `Signed 16 bit PCM`.
  public var containerDescription: String
  public var encodingDescription: String

  public var description: String { "\(container)/\(encoding)" }
}

/// The formats ``AudioFile/write(_:to:as:)`` can produce.
public enum AudioWriteFormat: String, Sendable, Codable, CaseIterable {
  case wavPCM16 = "wav-pcm16"
  case wavPCM24 = "wav-pcm24"
  case wavFloat32 = "wav-float32"
  case flacPCM16 = "flac-pcm16"
  case flacPCM24 = "flac-pcm24"

  /// The default for a file name: `.wav` gives PCM16 WAV, `.flac` gives 16-bit FLAC.
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "wav", "wave": self = .wavPCM16
    case "flac": self = .flacPCM16
    default: return nil
    }
  }

  /// Bits of an integer sample, or `nil` for floating point.
  var integerBits: Int? {
    switch self {
    case .wavPCM16, .flacPCM16: 16
    case .wavPCM24, .flacPCM24: 24
    case .wavFloat32: nil
    }
  }
}
