/// A count of successes out of a number of trials, such as the examples of a slice the model got right.
public struct Proportion: Equatable, Sendable {
  public let successes: Int
  public let trials: Int

  /// `nil` unless there is at least one trial and `successes` lies in `0...trials`.
  public init?(successes: Int, trials: Int) {
    guard trials > 0, (0...trials).contains(successes) else { return nil }
    self.successes = successes
    self.trials = trials
  }

  /// `successes / trials`.
  public var value: Double { Double(successes) / Double(trials) }

  /// The Wilson score interval (Wilson 1927) without continuity correction, the interval Newcombe (1998)
  /// recommends for a single proportion: unlike the Wald interval it stays inside 0...1 and does not collapse to
  /// a point at 0 or `trials` successes.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1.
  public func wilsonInterval(confidence: Double) throws -> ClosedRange<Double> {
    try wilsonInterval(z: NormalQuantile.twoSided(confidence: confidence))
  }

  /// The Wilson interval for the normal quantile `z`, its limits clipped to 0...1 against rounding.
  func wilsonInterval(z: Double) -> ClosedRange<Double> {
    let n = Double(trials)
    let p = value
    let zSquared = z * z
    let denominator = 1 + zSquared / n
    let centre = (p + zSquared / (2 * n)) / denominator
    let halfWidth = z * (p * (1 - p) / n + zSquared / (4 * n * n)).squareRoot() / denominator
    return max(0, centre - halfWidth)...min(1, centre + halfWidth)
  }
}
