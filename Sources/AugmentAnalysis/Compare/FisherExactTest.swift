import Foundation

/// Fisher's exact test of a 2×2 table, one-sided: is one group's rate of successes lower than another's?
///
/// Given both groups' sizes and the successes of both together, the first group's successes follow the
/// hypergeometric distribution when the two rates are equal. The p-value is the chance of that distribution
/// giving as few successes as observed, or fewer: what scipy's `fisher_exact(table, alternative="less")` computes.
/// It is exact at any size, where a normal approximation misleads when a group has few successes or failures.
public enum FisherExactTest {
  /// P(X ≤ `successes`) for X hypergeometric with `trials` draws from `trials + otherTrials`, of which
  /// `successes + otherSuccesses` are successes; 1 when either group is empty.
  ///
  /// The term at `successes` comes from log-gamma; the lower ones follow from it by the ratio of consecutive
  /// terms, P(x − 1)/P(x) = x·(N − K − n + x) / ((K − x + 1)·(n − x + 1)), and are summed until they no longer
  /// change the sum, so millions of trials cost as many steps as the tail has weight.
  /// - Precondition: `0 ≤ successes ≤ trials` and `0 ≤ otherSuccesses ≤ otherTrials`.
  public static func lowerTail(successes: Int, trials: Int, otherSuccesses: Int, otherTrials: Int) -> Double {
    precondition(
      (0...max(0, trials)).contains(successes) && (0...max(0, otherTrials)).contains(otherSuccesses),
      "successes lie between 0 and the trials")
    guard trials > 0, otherTrials > 0 else { return 1 }
    let population = trials + otherTrials, allSuccesses = successes + otherSuccesses
    let lowest = max(0, trials - (population - allSuccesses))
    func logChoose(_ n: Int, _ k: Int) -> Double {
      lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
    var term = exp(
      logChoose(allSuccesses, successes) + logChoose(population - allSuccesses, trials - successes)
        - logChoose(population, trials))
    var sum = term
    var x = successes
    while x > lowest {
      term *= Double(x) * Double(population - allSuccesses - trials + x)
        / (Double(allSuccesses - x + 1) * Double(trials - x + 1))
      x -= 1
      guard sum + term != sum else { break }
      sum += term
    }
    return min(1, sum)
  }
}
