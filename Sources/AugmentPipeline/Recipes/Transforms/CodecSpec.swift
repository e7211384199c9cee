import AugmentCore
import MediaIO

/// `codec`: the audio encoded and decoded in memory by one of libsndfile's lossy encoders, at a
/// compression level drawn from `compression_level` for Opus and MP3.
public struct CodecSpec: TransformDescriptor {
  public typealias Step = Codec

  public var codec: AudioCodec
  /// 0: least compressed, 1: most (Opus and MP3 only).
  public var compressionLevel: ParameterRange

  public init(codec: AudioCodec, compressionLevel: ParameterRange = .init(0.5, 0.9)) {
    self.codec = codec
    self.compressionLevel = compressionLevel
  }

  public static let modality = Modality.audio
  public static let summary = "A lossy codec round trip (GSM 6.10, Opus, MP3, μ-law or A-law), as a call or an upload leaves it."
  public static let fields = [
    ParameterField(
      key: "codec", value: .choice(AudioCodec.allCases.map(\.rawValue)), required: true, doc: "the codec"),
    ParameterField(
      key: "compression_level", value: .range(0...1, unit: "(0 least, 1 most compressed)"),
      doc: "the compression level drawn for opus and mp3 (default [0.5, 0.9]); Opus aims at (1 − level) × 250 + 6 kbit/s"),
  ]
  public static let example = CodecSpec(codec: .opus, compressionLevel: .init(0.9, 0.97))

  public var description: String {
    guard codec.takesCompressionLevel else { return codec.rawValue }
    return "\(codec.rawValue), compression level \(compressionLevel)"
  }

  public func makeStep(in context: TransformContext) throws -> Codec {
    try Codec(codecs: [codec], compressionLevel: compressionLevel.closed)
  }

  /// A codec that encodes the recorded one; applying reads nothing else from the instance.
  public static func replayer(for parameters: Codec.Parameters, in context: TransformContext) throws -> Codec {
    try Codec(codecs: [parameters.codec])
  }

  enum CodingKeys: String, CodingKey {
    case codec, compressionLevel = "compression_level"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    codec = try container.decode(AudioCodec.self, forKey: .codec)
    compressionLevel = try container.decodeIfPresent(ParameterRange.self, forKey: .compressionLevel) ?? .init(0.5, 0.9)
  }
}
