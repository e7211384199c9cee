/// Per-class metrics, the confusion matrix and their averages for a table whose labels are classes.
///
/// Accuracy alone misleads on skewed data: with 914 negatives and 86 positives, a model that always answers
/// the majority class scores 91.4%. So the majority-class baseline is reported, with a warning when the model's
/// accuracy is less than ``baselineMargin`` above it.
public struct ClassificationMetrics: Codable, Equatable, Sendable {
  /// How far above the majority-class baseline accuracy must be before it is trusted without a warning.
  public static let baselineMargin = 0.05

  /// Every class seen as a label or a prediction, sorted (numerically when all are numbers).
  public var classes: [String]
  /// `confusionMatrix[i][j]`: examples labelled `classes[i]` and predicted `classes[j]`.
  public var confusionMatrix: [[Int]]
  public var perClass: [ClassMetrics]
  /// Unweighted mean over classes; precision (recall) is `nil` when some class's precision (recall) is
  /// undefined, rather than leaving that class out as scikit-learn's `zero_division=np.nan` does.
  public var macro: AveragedMetrics
  /// Pooled over all examples; for single-label data all three equal the accuracy.
  public var micro: AveragedMetrics
  public var accuracy: Double
  /// The most frequent label (the first in class order on a tie).
  public var majorityClass: String
  /// The accuracy of always predicting the majority class.
  public var majorityBaseline: Double
  /// Why accuracy may mislead, and which figures are undefined.
  public var warnings: [String]

  /// Measures (label, prediction) pairs. Returns `nil` for no pairs.
  public init?(pairs: [(label: String, prediction: String)]) {
    guard !pairs.isEmpty else { return nil }
    let classes = Self.sortedClasses(Set(pairs.flatMap { [$0.label, $0.prediction] }))
    let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var matrix = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
    for pair in pairs {
      matrix[position[pair.label]!][position[pair.prediction]!] += 1
    }
    let perClass = classes.indices.map { index in
      ClassMetrics(
        label: classes[index], truePositives: matrix[index][index], support: matrix[index].reduce(0, +),
        predicted: matrix.reduce(0) { $0 + $1[index] })
    }
    let correct = classes.indices.reduce(0) { $0 + matrix[$1][$1] }
    let accuracy = Double(correct) / Double(pairs.count)
    // `perClass` is not empty because `pairs` is not.
    let majority = perClass.max { $0.support < $1.support || ($0.support == $1.support && $0.label > $1.label) }!

    self.classes = classes
    self.confusionMatrix = matrix
    self.perClass = perClass
    self.accuracy = accuracy
    micro = AveragedMetrics(precision: accuracy, recall: accuracy, f1: accuracy)
    macro = AveragedMetrics(
      precision: Self.mean(perClass.map(\.precision)), recall: Self.mean(perClass.map(\.recall)),
      f1: perClass.reduce(0) { $0 + $1.f1 } / Double(perClass.count))
    majorityClass = majority.label
    majorityBaseline = Double(majority.support) / Double(pairs.count)
    warnings = Self.warnings(
      perClass: perClass, accuracy: accuracy, majorityClass: majority.label, baseline: majorityBaseline)
  }

  private static func mean(_ values: [Double?]) -> Double? {
    let defined = values.compactMap { $0 }
    guard defined.count == values.count, !defined.isEmpty else { return nil }
    return defined.reduce(0, +) / Double(defined.count)
  }

  private static func warnings(
    perClass: [ClassMetrics], accuracy: Double, majorityClass: String, baseline: Double
  ) -> [String] {
    var warnings: [String] = []
    if accuracy - baseline < baselineMargin {
      let comparison =
        accuracy <= baseline
        ? "is no better than"
        : "is less than \(Percent.points(baselineMargin, digits: 0)) above"
      warnings.append(
        "accuracy \(Percent.format(accuracy)) \(comparison) always predicting '\(majorityClass)' "
          + "(\(Percent.format(baseline))); the data is skewed, so judge the model by per-class precision and recall")
    }
    for metrics in perClass {
      if metrics.precision == nil {
        warnings.append("precision of '\(metrics.label)' is undefined: the model never predicts it")
      }
      if metrics.recall == nil {
        warnings.append("recall of '\(metrics.label)' is undefined: no example is labelled with it")
      }
    }
    return warnings
  }

  /// Sorts numerically when every class is a number (so `10` follows `9`), otherwise as text.
  static func sortedClasses(_ classes: Set<String>) -> [String] {
    let numbers = classes.compactMap { label in Double(label).map { (label, $0) } }
    guard numbers.count == classes.count else { return classes.sorted() }
    return numbers.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
  }
}
