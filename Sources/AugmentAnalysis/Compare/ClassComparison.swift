/// One class in the per-class metrics before and after retraining.
///
/// A class belongs to an analysis when some example there is labelled with it. The verdict comes from recall:
/// of the examples that are this class, the part the model got right, which is the accuracy on the class's slice,
/// so it gets the same interval and verdict as a slice. Precision (right predictions of the class out of all of
/// them) is a proportion too and gets an interval. F1 is not a proportion: its change is given without an
/// interval, and the verdict does not use it.
public struct ClassComparison: Codable, Equatable, Sendable {
  public var label: String
  /// `nil` when no example of the analysis before is labelled with the class.
  public var before: ClassMetrics?
  /// `nil` when no example of the analysis after is labelled with the class.
  public var after: ClassMetrics?
  /// After's recall minus before's, with its interval; `nil` unless both analyses have the class.
  public var recallChange: ProportionDifference?
  /// The class's examples by what happened to each, with the exact McNemar test; `nil` unless the tables pair.
  public var paired: PairedOutcomes?
  /// After's precision minus before's, with its interval; `nil` unless the model predicts the class in both.
  public var precisionChange: ProportionDifference?
  /// After's F1 minus before's; `nil` unless both analyses have the class.
  public var f1Change: Double?
  public var verdict: ComparisonVerdict

  public init(
    label: String, before: ClassMetrics?, after: ClassMetrics?, recallChange: ProportionDifference?,
    paired: PairedOutcomes? = nil, precisionChange: ProportionDifference?, f1Change: Double?, verdict: ComparisonVerdict
  ) {
    self.label = label
    self.before = before
    self.after = after
    self.recallChange = recallChange
    self.paired = paired
    self.precisionChange = precisionChange
    self.f1Change = f1Change
    self.verdict = verdict
  }

  /// Compares the class `label` of two classifications at `level`, example by example when `paired` holds the
  /// outcomes of the class's examples. Precision is over the examples each model predicted as the class, which
  /// differ between the models, so its interval is always the independent one. `nil` when neither labels an
  /// example with the class.
  init?(
    label: String, before: ClassificationMetrics, after: ClassificationMetrics, paired: PairedOutcomes?,
    level: ConfidenceLevel
  ) {
    let before = MeasuredClass(label, in: before)
    let after = MeasuredClass(label, in: after)
    guard let verdict = ComparisonVerdict.between(before?.recall, after?.recall, paired: paired, level: level)
    else { return nil }
    var precisionChange: ProportionDifference?
    if let first = before?.precision, let second = after?.precision {
      precisionChange = .newcombe(second, minus: first, z: level.z)
    }
    var f1Change: Double?
    if let before, let after { f1Change = after.metrics.f1 - before.metrics.f1 }
    self.init(
      label: label, before: before?.metrics, after: after?.metrics, recallChange: verdict.change,
      paired: verdict.change == nil ? nil : paired, precisionChange: precisionChange, f1Change: f1Change, verdict: verdict.verdict)
  }
}

/// A class's metrics with the true-positive count they were computed from, which ``ClassMetrics`` does not keep.
private struct MeasuredClass {
  var metrics: ClassMetrics
  var truePositives: Int

  /// `nil` unless some example of `classification` is labelled `label`.
  init?(_ label: String, in classification: ClassificationMetrics) {
    // A report read from JSON may be inconsistent; a class whose figures are not all there is not measured.
    guard let index = classification.classes.firstIndex(of: label), classification.perClass.indices.contains(index),
      classification.confusionMatrix.indices.contains(index),
      classification.confusionMatrix[index].indices.contains(index)
    else { return nil }
    let metrics = classification.perClass[index]
    guard metrics.support > 0 else { return nil }
    self.metrics = metrics
    truePositives = classification.confusionMatrix[index][index]
  }

  var recall: Proportion? { Proportion(successes: truePositives, trials: metrics.support) }
  var precision: Proportion? { Proportion(successes: truePositives, trials: metrics.predicted) }
}
