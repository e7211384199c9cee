/// Decides correctness from a per-example score instead of exact match, e.g. word error rate for speech, where a
/// transcript counts as right when its WER is at or below a threshold.
public struct ScoreRule: Codable, Equatable, Sendable {
  /// Which side of the threshold is good.
  public enum Direction: String, Codable, Sendable, CaseIterable {
    /// `score <= threshold` counts as correct (error rates, distances).
    case lowerIsBetter = "lower-is-better"
    /// `score >= threshold` counts as correct (similarities, confidences).
    case higherIsBetter = "higher-is-better"
  }

  public var threshold: Double
  public var direction: Direction

  public init(threshold: Double, direction: Direction = .lowerIsBetter) {
    self.threshold = threshold
    self.direction = direction
  }

  /// Whether an example with this score counts as correct.
  public func accepts(_ score: Double) -> Bool {
    switch direction {
    case .lowerIsBetter: score <= threshold
    case .higherIsBetter: score >= threshold
    }
  }
}
