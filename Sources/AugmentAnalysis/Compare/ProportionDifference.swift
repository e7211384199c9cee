/// The difference of two independent proportions with a confidence interval: how much a slice's accuracy moved
/// between two error analyses, and how far chance alone could have moved it.
///
/// The interval is Newcombe's hybrid score interval, method 10 of Newcombe (1998), "Interval estimation for the
/// difference between independent proportions: comparison of eleven methods", Statistics in Medicine 17,
/// 873–890. With Wilson intervals `l₁...u₁` for `p₁` and `l₂...u₂` for `p₂`, the difference `D = p₁ − p₂` has
///
///     lower = D − √((p₁ − l₁)² + (u₂ − p₂)²)
///     upper = D + √((u₁ − p₁)² + (p₂ − l₂)²)
///
/// It keeps close to its nominal coverage for small slices and for accuracies near 0 or 1, where the textbook
/// Wald interval is too narrow or overshoots −1...1, and it needs no iteration. It is the default of statsmodels'
/// `confint_proportions_2indep` and SAS's `RISKDIFF(CL=NEWCOMBE)`.
public struct ProportionDifference: Codable, Equatable, Sendable {
  /// `p₁ − p₂`.
  public var estimate: Double
  public var lower: Double
  public var upper: Double

  public init(estimate: Double, lower: Double, upper: Double) {
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
  }

  /// Newcombe's hybrid score interval for `first.value − second.value`, treating the two as independent samples.
  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1.
  public static func newcombe(_ first: Proportion, minus second: Proportion, confidence: Double) throws
    -> ProportionDifference
  {
    newcombe(first, minus: second, z: try NormalQuantile.twoSided(confidence: confidence))
  }

  static func newcombe(_ first: Proportion, minus second: Proportion, z: Double) -> ProportionDifference {
    let p1 = first.value
    let p2 = second.value
    let interval1 = first.wilsonInterval(z: z)
    let interval2 = second.wilsonInterval(z: z)
    let estimate = p1 - p2
    func length(_ a: Double, _ b: Double) -> Double { (a * a + b * b).squareRoot() }
    return ProportionDifference(
      estimate: estimate,
      lower: estimate - length(p1 - interval1.lowerBound, interval2.upperBound - p2),
      upper: estimate + length(interval1.upperBound - p1, p2 - interval2.lowerBound))
  }

  /// `improved` when the whole interval lies above zero, `dropped` when it lies below; otherwise
  /// `worseNotSignificant` when the estimate is below zero, `noClearChange` when it is not.
  public var verdict: ComparisonVerdict {
    if lower > 0 { return .improved }
    if upper < 0 { return .dropped }
    return estimate < 0 ? .worseNotSignificant : .noClearChange
  }
}
