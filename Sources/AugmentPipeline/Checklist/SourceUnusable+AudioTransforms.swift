import AugmentCore
import Foundation
import MediaIO

extension SourceUnusable {
  /// The audio transform error `error`, raised on `source`, as a property of that source, or `nil` when a
  /// redraw could change it.
  ///
  /// A silent source has no level to mix noise against or to normalise, a source whose Nyquist frequency
  /// lies under the telephone band cannot carry it, and a clip too short (or with too many channels) for
  /// loudness cannot be normalised: each fails the same way whatever is drawn. A silent noise clip or one
  /// too short to loop depends on the clip drawn, and a bad recipe or record is not the source's doing.
  init?(audioTransformError error: any Error, source: AudioBuffer) {
    switch error {
    case AudioTransformError.silentInput(let transform):
      let peak = SignalMath.peak(source)
      self.init(
        rule: transform, reason: "silent: no level to measure for \(transform)",
        detail: peak > 0 ? "peak \((20 * log10(Double(peak)) * 10).rounded() / 10) dBFS" : "every sample is zero")
    case AudioTransformError.unsupportedSampleRate(let transform, let sampleRate, let detail):
      self.init(rule: transform, reason: "sample rate too low for \(transform)", detail: "\(sampleRate) Hz: \(detail)")
    case let loudness as Loudness.Error:
      self = LoudnessRule.unusable(loudness, rule: LoudnessNormalization.name)
    default:
      return nil
    }
  }
}
