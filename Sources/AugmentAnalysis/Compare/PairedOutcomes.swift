import Foundation

/// One slice's examples scored twice, before and after retraining, counted by what happened to each: right both
/// times, right then wrong, wrong then right, wrong both times. Only the two kinds of change (the discordant pairs)
/// carry evidence of a change; examples that stayed the same do not, which is why a paired comparison sees a drop
/// that two independent samples of the same size would put down to chance.
public struct PairedOutcomes: Codable, Equatable, Sendable {
  public var bothRight: Int
  /// Right before, wrong after.
  public var becameWrong: Int
  /// Wrong before, right after.
  public var becameRight: Int
  public var bothWrong: Int
  /// The exact McNemar test's two-sided p-value (``exactMcNemarP(becameWrong:becameRight:)``).
  public var pValue: Double

  public init(bothRight: Int, becameWrong: Int, becameRight: Int, bothWrong: Int) {
    self.bothRight = bothRight
    self.becameWrong = becameWrong
    self.becameRight = becameRight
    self.bothWrong = bothWrong
    pValue = Self.exactMcNemarP(becameWrong: becameWrong, becameRight: becameRight)
  }

  /// Counts `pairs` of (right before, right after).
  init(_ pairs: some Sequence<(before: Bool, after: Bool)>) {
    var counts = [0, 0, 0, 0]
    for pair in pairs { counts[(pair.before ? 0 : 2) + (pair.after ? 0 : 1)] += 1 }
    self.init(bothRight: counts[0], becameWrong: counts[1], becameRight: counts[2], bothWrong: counts[3])
  }

  public var count: Int { bothRight + becameWrong + becameRight + bothWrong }

  /// The exact McNemar test: under no change, each of the `becameWrong + becameRight` discordant pairs is equally
  /// likely to go either way, so the smaller count is binomial with p = ½. The two-sided p-value is twice the tail
  /// probability of a count that small, capped at 1 (what statsmodels' `mcnemar(table, exact=True)` computes); 1
  /// when no example changed. Terms are summed in logarithms, so thousands of discordant pairs do not overflow.
  public static func exactMcNemarP(becameWrong: Int, becameRight: Int) -> Double {
    let n = becameWrong + becameRight
    guard n > 0 else { return 1 }
    let k = min(becameWrong, becameRight)
    let logHalfPower = Double(n) * log(0.5)
    // log C(n, i), built up from log C(n, 0) = 0 by C(n, i) = C(n, i − 1) · (n − i + 1) / i.
    var logChoose = 0.0
    var tail = exp(logHalfPower)
    for i in stride(from: 1, through: k, by: 1) {
      logChoose += log(Double(n - i + 1)) - log(Double(i))
      tail += exp(logChoose + logHalfPower)
    }
    return min(1, 2 * tail)
  }

  /// Accuracy after minus accuracy before, `(becameRight − becameWrong) / count`, with Newcombe's square-and-add
  /// interval for a difference of paired proportions: method 10 of R. G. Newcombe, "Improved confidence intervals
  /// for the difference between binomial proportions based on paired data", Statistics in Medicine 17 (1998)
  /// 2635–2650. It combines the Wilson intervals `l₁…u₁` (after) and `l₂…u₂` (before) of the two accuracies as the
  /// independent interval does, less a term for their correlation φ:
  ///
  ///     lower = D − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²)
  ///     upper = D + √((u₁ − p₁)² − 2φ(u₁ − p₁)(p₂ − l₂) + (p₂ − l₂)²)
  ///
  /// where φ is the phi coefficient of the 2×2 table with Newcombe's correction of its numerator `AD − BC`: less
  /// `n/2` when that exceeds `n/2`, 0 between 0 and `n/2`, unchanged below 0; and 0 when a margin is empty. This is
  /// the interval of Fagerland, Lydersen and Laake, "Statistical Analysis of Contingency Tables" (2017), section 8,
  /// and of their R package `contingencytables` (`Newcombe_square_and_add_CI_paired_2x2`). `nil` without examples.
  func change(z: Double) -> ProportionDifference? {
    let n = count
    guard let after = Proportion(successes: bothRight + becameRight, trials: n),
      let before = Proportion(successes: bothRight + becameWrong, trials: n)
    else { return nil }
    // Rows: after right / wrong; columns: before right / wrong.
    let a = Double(bothRight), b = Double(becameRight), c = Double(becameWrong), d = Double(bothWrong)
    let margins = [a + b, c + d, a + c, b + d]
    var phi = 0.0
    if !margins.contains(0) {
      let product = margins.reduce(1, *).squareRoot()
      let numerator = a * d - b * c
      let half = Double(n) / 2
      phi = numerator > half ? (numerator - half) / product : numerator < 0 ? numerator / product : 0
    }
    let p1 = after.value, p2 = before.value
    let (interval1, interval2) = (after.wilsonInterval(z: z), before.wilsonInterval(z: z))
    func length(_ x: Double, _ y: Double) -> Double { max(0, x * x - 2 * phi * x * y + y * y).squareRoot() }
    let estimate = p1 - p2
    return ProportionDifference(
      estimate: estimate,
      lower: estimate - length(p1 - interval1.lowerBound, interval2.upperBound - p2),
      upper: estimate + length(interval1.upperBound - p1, p2 - interval2.lowerBound))
  }

  /// What happened row by row, e.g. `3 rows now wrong that were right, 0 the other way, exact McNemar p = 0.25`.
  public var rowChanges: String {
    let rows = becameWrong == 1 ? "row" : "rows"
    return "\(becameWrong) \(rows) now wrong that \(becameWrong == 1 ? "was" : "were") right, "
      + "\(becameRight) the other way, exact McNemar p = \(Self.format(pValue))"
  }

  /// A p-value to three significant digits: `0.25`, `0.0313`, `1`.
  static func format(_ p: Double) -> String {
    p < 0.0001 ? String(format: "%.1e", p) : String(format: "%.3g", p)
  }
}
