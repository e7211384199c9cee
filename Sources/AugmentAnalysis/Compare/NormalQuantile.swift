import Foundation

/// The standard normal quantile behind a two-sided confidence level: the `z` of a Wilson score interval.
enum NormalQuantile {
  /// The `z` with P(|Z| ≤ z) = `confidence` for a standard normal Z (1.959964 for 0.95).
  ///
  /// Found by bisection on the C library's complementary error function, P(|Z| > z) = erfc(z / √2), which is
  /// decreasing in z: halving until the bracket holds two neighbouring doubles lands on the quantile to the
  /// precision of `erfc` itself, with no table of approximation coefficients.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1.
  static func twoSided(confidence: Double) throws -> Double {
    guard confidence > 0 && confidence < 1 else { throw ComparisonError.invalidConfidence(confidence) }
    let tail = 1 - confidence
    // erfc(40 / √2) underflows to 0, so the quantile of any tail a Double can hold lies below 40.
    var low = 0.0
    var high = 40.0
    while true {
      let middle = (low + high) / 2
      guard middle > low && middle < high else { return middle }
      if erfc(middle / 2.squareRoot()) > tail {
        low = middle
      } else {
        high = middle
      }
    }
  }
}
