import MediaIO

extension Loudness {
  /// A loudness in LUFS and the form of BS.1770 it was measured with.
  ///
  /// BS.1770-4 integrates 400 ms gating blocks, so a keyword or command of 0.1–0.4 s has no integrated
  /// loudness. Such a clip is measured over one block spanning the whole clip: its K-weighted mean
  /// square, channel-weighted, `−0.691 + 10 log10(Σ G_i z_i)`, dropped to `-infinity` under the −70 LUFS
  /// absolute gate. (The relative gate cannot drop the only block: it sits 10 LU below it.) This is
  /// what pyloudnorm computes with its block size set to the clip's duration, and the reference tests
  /// check it against that. A clip of 0.4 s or more is measured as published, so one dataset can hold
  /// both forms, and the form goes into the manifest with the value.
  public struct Measurement: Sendable, Equatable {
    public enum Form: String, Sendable, Equatable {
      /// Integrated loudness as published: gated 400 ms blocks every 100 ms.
      case integrated = "bs1770"
      /// One block spanning a clip shorter than 400 ms.
      case singleBlock = "bs1770-single-block"
    }

    /// Loudness in LUFS; `-infinity` below the absolute gate.
    public var value: Double
    public var form: Form
  }

  /// The shortest clip ``measure(_:)`` accepts, in seconds: one BS.1770 hop (100 ms), the finest step
  /// the standard itself resolves loudness in. A shorter clip holds a phoneme or two rather than a
  /// word, and could never pass the clarity gate either, which needs 128 ms of speech.
  public static let shortestClipDuration = 0.1

  /// The loudness of `buffer`: ``integrated(_:)`` for a clip of one 400 ms block or more, one block
  /// over the whole clip for a clip of ``shortestClipDuration`` up to 400 ms.
  ///
  /// - Throws: ``Error/tooShort(duration:minimum:)`` under ``shortestClipDuration``, whatever the audio
  ///   holds, and ``Error/tooManyChannels(_:)`` past five channels.
  public static func measure(_ buffer: AudioBuffer) throws(Error) -> Measurement {
    let blockLength = Int((blockDuration * Double(buffer.sampleRate)).rounded())
    if buffer.frameCount >= blockLength { return Measurement(value: try integrated(buffer), form: .integrated) }
    return Measurement(value: try singleBlock(buffer), form: .singleBlock)
  }

  /// The loudness of one block spanning all of `buffer` (see ``Measurement``), for a clip of
  /// ``shortestClipDuration`` or more.
  public static func singleBlock(_ buffer: AudioBuffer) throws(Error) -> Double {
    guard buffer.channelCount <= channelWeights.count else { throw .tooManyChannels(buffer.channelCount) }
    let shortest = Int((shortestClipDuration * Double(buffer.sampleRate)).rounded())
    guard buffer.frameCount >= max(shortest, 1) else {
      throw .tooShort(duration: buffer.duration, minimum: shortestClipDuration)
    }
    return gatedLoudness(buffer, blockStarts: [0], blockLength: buffer.frameCount)
  }
}
