import AugmentCore
import Synchronization

/// A source's analysis by the recipe's first transform, when that transform analyses its input
/// (``InputAnalysingTransform``): made for the first candidate drawn from the source, and kept with the
/// source for its redraws and, from the run's ``SourceCache``, later samples. Only the first transform
/// sees the source itself; the others see what the transforms before them made.
final class FirstStepAnalysis: Sendable {
  private let kept = Mutex<(any Sendable)?>(nil)

  /// The kept analysis, or the one `analyse` makes, then kept.
  func value<Analysis: Sendable>(_ analyse: () -> Analysis) -> Analysis {
    kept.withLock { kept in
      if let analysis = kept as? Analysis { return analysis }
      let analysis = analyse()
      kept = analysis
      return analysis
    }
  }
}
