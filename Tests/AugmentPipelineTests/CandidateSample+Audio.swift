import AugmentCore
import MediaIO

@testable import AugmentPipeline

extension CandidateSample where Media == MeasuredAudio {
  /// A sample of clips as a run's audio checklist sees them, nothing measured on them yet.
  init(source: SourceExample, original: AudioBuffer, candidate: AudioBuffer, records: [AppliedTransform]) {
    self.init(source: source, original: MeasuredAudio(original), candidate: MeasuredAudio(candidate), records: records)
  }
}
