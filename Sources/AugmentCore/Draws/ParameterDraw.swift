/// How a transform draws one of its parameters: from exactly one uniform number `u` in `[0, 1)` per draw
/// (``RandomNumberGenerator/unitDouble()``), turned into a value by the draw's quantile function. One
/// number per draw in every form keeps a sample's random stream, and so every later draw of the chain,
/// independent of how a parameter is calibrated.
public enum ParameterDraw: Sendable, Equatable {
  /// Uniformly over the range: `lower + (upper − lower) · u`.
  case uniform(ClosedRange<Double>)
  /// So the outputs' measured counterpart follows the real members' distribution of it.
  case quantileMatched(QuantileMatch)

  /// The values a draw can take.
  public var range: ClosedRange<Double> {
    switch self {
    case .uniform(let range): range
    case .quantileMatched(let match): match.range
    }
  }

  /// The value drawn for `u` in 0…1.
  public func value(at u: Double) -> Double {
    switch self {
    case .uniform(let range): range.lowerBound + (range.upperBound - range.lowerBound) * u
    case .quantileMatched(let match): match.parameter(at: u)
    }
  }

  /// Draws one value, consuming one number of `rng`.
  public func draw(using rng: inout some RandomNumberGenerator) -> Double {
    value(at: rng.unitDouble())
  }

  /// The `p`-quantile of the values drawn. ``value(at:)`` is monotone in `u`, but decreasing when the map
  /// of a quantile-matched draw is (more blur, less sharpness), so the `p`-quantile is then its value at
  /// `1 − p`.
  public func quantile(_ p: Double) -> Double {
    if case .quantileMatched(let match) = self, !match.map.isIncreasing { return value(at: 1 - p) }
    return value(at: p)
  }
}
