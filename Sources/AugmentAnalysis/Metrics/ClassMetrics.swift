/// Precision, recall and F1 of one class, treating it as the positive class and every other as negative.
public struct ClassMetrics: Codable, Equatable, Sendable {
  public var label: String
  /// Of the examples predicted as this class, the part that has it; `nil` (undefined, not 0) when the model
  /// never predicts it.
  public var precision: Double?
  /// Of the examples that have this class, the part predicted as it; `nil` when no example has it.
  public var recall: Double?
  /// The harmonic mean of precision and recall; `nil` when either is undefined.
  public var f1: Double?
  /// Examples labelled with this class.
  public var support: Int
  /// Examples predicted as this class.
  public var predicted: Int

  public init(label: String, truePositives: Int, support: Int, predicted: Int) {
    self.label = label
    self.support = support
    self.predicted = predicted
    precision = predicted > 0 ? Double(truePositives) / Double(predicted) : nil
    recall = support > 0 ? Double(truePositives) / Double(support) : nil
    if let precision, let recall {
      f1 = Self.f1(precision: precision, recall: recall)
    }
  }

  /// `2PR / (P + R)`, and 0 when both are 0.
  public static func f1(precision: Double, recall: Double) -> Double {
    precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
  }
}

/// Precision, recall and F1 averaged over classes.
public struct AveragedMetrics: Codable, Equatable, Sendable {
  /// `nil` when some class's value is undefined (macro averages only).
  public var precision: Double?
  public var recall: Double?
  public var f1: Double?

  public init(precision: Double?, recall: Double?, f1: Double?) {
    self.precision = precision
    self.recall = recall
    self.f1 = f1
  }
}
