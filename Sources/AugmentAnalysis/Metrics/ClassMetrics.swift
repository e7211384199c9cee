/// Precision, recall and F1 of one class, treating it as the positive class and every other as negative.
public struct ClassMetrics: Codable, Equatable, Sendable {
  public var label: String
  /// Of the examples predicted as this class, the part that has it; `nil` (undefined, not 0) when the model
  /// never predicts it.
  public var precision: Double?
  /// Of the examples that have this class, the part predicted as it; `nil` when no example has it.
  public var recall: Double?
  /// `2·TP / (2·TP + FP + FN)`: the harmonic mean of precision and recall when both are defined, and 0 when
  /// either is undefined (the class is never predicted, or never labelled, so nothing of it is found), as
  /// scikit-learn computes it.
  public var f1: Double
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
    // support + predicted = 2·TP + FP + FN, positive for any class that occurs as a label or a prediction.
    f1 = support + predicted > 0 ? Double(2 * truePositives) / Double(support + predicted) : 0
  }

  /// The F1 score of a precision and a recall, `2PR / (P + R)` (0 when both are 0), for comparing models by the
  /// two figures they are usually quoted with.
  public static func f1(precision: Double, recall: Double) -> Double {
    precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
  }
}

/// Precision, recall and F1 averaged over classes.
public struct AveragedMetrics: Codable, Equatable, Sendable {
  /// `nil` when some class's precision is undefined (macro averages only).
  public var precision: Double?
  /// `nil` when some class's recall is undefined (macro averages only).
  public var recall: Double?
  public var f1: Double

  public init(precision: Double?, recall: Double?, f1: Double) {
    self.precision = precision
    self.recall = recall
    self.f1 = f1
  }
}
