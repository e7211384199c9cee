/// The classifier two-sample test (Lopez-Paz & Oquab, "Revisiting classifier two-sample tests", ICLR
/// 2017): how well a simple classifier tells real members from generated samples, as a cross-validated
/// ROC AUC. 0.5 means the two sets cannot be told apart on these features; 1 means they always can.
///
/// The classifier is ``LogisticRegression``. Folds are stratified: each class is shuffled with a seeded
/// generator and dealt round-robin into `k = min(5, smaller class size)` folds, so every fold holds
/// members of both classes and every row is scored by a model that never saw it; in particular the real
/// members that calibrated a run are scored by models fitted without them. The out-of-fold scores are
/// pooled into one AUC with DeLong's 95 % interval (``ReceiverOperatingArea``). Deterministic for a seed.
public enum ClassifierTwoSampleTest {
  /// The most folds; fewer when a class has fewer rows.
  public static let maximumFolds = 5

  /// The cross-validated AUC of telling `real` (positives) from `generated`, or `nil` when either has
  /// fewer than two rows (no fold could train and test on both classes).
  ///
  /// - Precondition: all rows have the same number of finite features.
  public static func auc(real: [[Double]], generated: [[Double]], seed: UInt64) -> ReceiverOperatingArea? {
    let folds = min(maximumFolds, real.count, generated.count)
    guard folds >= 2 else { return nil }
    var rng = Xoshiro256StarStar(seed: seed)
    func dealt(_ count: Int) -> [Int] {
      var order = Array(0..<count)
      for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, rng.index(below: i + 1)) }
      var fold = [Int](repeating: 0, count: count)
      for (position, row) in order.enumerated() { fold[row] = position % folds }
      return fold
    }
    let realFold = dealt(real.count), generatedFold = dealt(generated.count)
    var realScores = [Double](repeating: 0, count: real.count)
    var generatedScores = [Double](repeating: 0, count: generated.count)
    for fold in 0..<folds {
      let trainReal = real.indices.filter { realFold[$0] != fold }.map { real[$0] }
      let trainGenerated = generated.indices.filter { generatedFold[$0] != fold }.map { generated[$0] }
      let model = LogisticRegression(
        rows: trainReal + trainGenerated,
        labels: Array(repeating: true, count: trainReal.count) + Array(repeating: false, count: trainGenerated.count))
      for i in real.indices where realFold[i] == fold { realScores[i] = model.score(real[i]) }
      for i in generated.indices where generatedFold[i] == fold { generatedScores[i] = model.score(generated[i]) }
    }
    return ReceiverOperatingArea(positives: realScores, negatives: generatedScores)
  }
}
