/// Quantiles of a sample, read between its order statistics.
public enum EmpiricalQuantile {
  /// The `p`-quantile of ascending `sorted` values, interpolated linearly between the order statistics at
  /// ranks `⌊p · (n − 1)⌋` and the next (the default of NumPy's `quantile` and R's type 7).
  ///
  /// - Precondition: `sorted` is not empty and `p` is in 0…1.
  public static func value(_ sorted: [Double], at p: Double) -> Double {
    precondition(!sorted.isEmpty && (0...1).contains(p), "a quantile needs values and p in 0…1")
    let position = p * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
  }
}
