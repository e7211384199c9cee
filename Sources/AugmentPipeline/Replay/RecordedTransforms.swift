import AugmentCore
import Foundation
import MediaIO

/// A source remade through transforms exactly as a record lists them, nothing drawn: the one place where
/// `augment replay` and the preview's rejected candidates apply a record.
enum RecordedTransforms {
  /// The source read and every transform applied in order. The context, with its banks, is made at the
  /// first audio source's rate and kept; a clip is resampled to each source's own rate when it is mixed,
  /// as in the run.
  static func audio(
    _ transforms: [AppliedTransform], from source: URL, noiseBanks: URL?, impulseResponseBanks: URL?,
    context: inout TransformContext?
  ) throws -> AudioBuffer {
    var audio = try AudioFile.read(from: source).buffer
    let shared = context ?? TransformContext(
      noiseBanks: noiseBanks, impulseResponseBanks: impulseResponseBanks, sampleRate: audio.sampleRate)
    context = shared
    for transform in transforms { audio = try TransformRegistry.replay(transform, on: audio, in: shared) }
    return audio
  }

  /// The source decoded and every transform applied in order, with the encoding the source was stored in.
  static func image(
    _ transforms: [AppliedTransform], from source: URL, context: inout TransformContext?
  ) throws -> (image: Image, sourceEncoding: ImageEncoding) {
    let decoded = try ImageFile.read(from: source)
    let shared = context ?? TransformContext()
    context = shared
    var image = decoded.image
    for transform in transforms { image = try TransformRegistry.replay(transform, on: image, in: shared) }
    return (image, decoded.encoding)
  }
}
