import Foundation

/// The area under the ROC curve of scores for two classes, with DeLong's variance (DeLong, DeLong &
/// Clarke-Pearson, Biometrics 1988).
///
/// The AUC is the Mann–Whitney statistic: the probability that a positive scores above a negative, ties
/// counting one half. DeLong's variance comes from the structural components (each positive's share of
/// negatives it beats, each negative's share of positives that beat it) and needs no resampling, so the
/// interval is deterministic. The interval is `AUC ± 1.96 σ`, clamped to 0…1.
public struct ReceiverOperatingArea: Sendable, Equatable {
  public var auc: Double
  public var lower: Double
  public var upper: Double

  /// - Precondition: both classes have at least one score.
  public init(positives: [Double], negatives: [Double]) {
    let m = positives.count, n = negatives.count
    precondition(m > 0 && n > 0, "an AUC needs scores of both classes")
    func psi(_ x: Double, _ y: Double) -> Double { x > y ? 1 : (x == y ? 0.5 : 0) }
    let v10 = positives.map { x in negatives.reduce(0) { $0 + psi(x, $1) } / Double(n) }
    let v01 = negatives.map { y in positives.reduce(0) { $0 + psi($1, y) } / Double(m) }
    let auc = v10.reduce(0, +) / Double(m)
    func variance(_ values: [Double]) -> Double {
      guard values.count > 1 else { return 0 }
      return values.reduce(0) { $0 + ($1 - auc) * ($1 - auc) } / Double(values.count - 1)
    }
    let sigma = (variance(v10) / Double(m) + variance(v01) / Double(n)).squareRoot()
    self.auc = auc
    lower = max(0, auc - 1.96 * sigma)
    upper = min(1, auc + 1.96 * sigma)
  }
}
