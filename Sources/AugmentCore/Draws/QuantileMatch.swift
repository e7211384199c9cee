/// A parameter drawn so that the outputs measure as the real members do: the draw's quantile function is
/// the members' empirical quantile function composed with the inverse of a map from parameter to the
/// measurement expected of the output (quantile matching).
///
/// For a uniform `u`, the members' `u`-quantile of the counterpart (``EmpiricalQuantile``, linear between
/// order statistics) is the measurement aimed at; ``MonotoneMap/parameter(for:)`` turns it into the
/// parameter value expected to give it, clamped to `range`. When the map is right, the outputs' counterpart
/// is distributed as the members' (up to the interpolation between them); where the members measure beyond
/// what any parameter in `range` makes, the draw stays at the end of the range, so a clamped range shows up
/// as a pile at its end rather than as values outside it. A member at its estimator's floor (a blind SNR of
/// −20 dB, meaning "at most −20") is among the lowest quantiles, and maps to the parameter that makes the
/// lowest measurement.
public struct QuantileMatch: Sendable, Equatable {
  /// The members' counterpart measurements, ascending.
  public let counterparts: [Double]
  public let map: MonotoneMap
  /// The values a draw is clamped to.
  public let range: ClosedRange<Double>

  /// `nil` when no counterpart is finite.
  public init?(counterparts: [Double], map: MonotoneMap, range: ClosedRange<Double>) {
    let finite = counterparts.filter(\.isFinite).sorted()
    guard !finite.isEmpty else { return nil }
    self.counterparts = finite
    self.map = map
    self.range = range
  }

  /// The parameter drawn for uniform `u` in 0…1.
  public func parameter(at u: Double) -> Double {
    let target = EmpiricalQuantile.value(counterparts, at: u)
    return min(max(map.parameter(for: target), range.lowerBound), range.upperBound)
  }
}
