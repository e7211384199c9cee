/// A monotone, piecewise-linear map from a transform's parameter to what the output is expected to
/// measure, and its inverse: which parameter value makes an output that measures a given value.
///
/// A map is fitted to noisy points (the median measurement of a few outputs made at each of a grid of
/// parameter values) by isotonic regression, the pool-adjacent-violators algorithm (Barlow et al. 1972):
/// the monotone sequence nearest the points in squared error. Both directions are fitted and the one
/// nearer the points is kept (a flat fit counts as increasing), so blur that lowers sharpness is fitted as
/// well as an SNR that raises the measured SNR, without the direction being assumed. Between knots the
/// map is linear; beyond them it holds the end value.
public struct MonotoneMap: Sendable, Equatable {
  /// The parameter values of the knots, ascending.
  public let parameters: [Double]
  /// The map's value at each knot: non-decreasing when ``isIncreasing``, else non-increasing.
  public let values: [Double]
  public let isIncreasing: Bool

  /// The map through the given knots.
  ///
  /// - Precondition: at least one knot, parameters strictly ascending, values monotone in one direction,
  ///   everything finite.
  public init(parameters: [Double], values: [Double]) {
    precondition(!parameters.isEmpty && parameters.count == values.count, "a map needs one value per knot")
    precondition((parameters + values).allSatisfy(\.isFinite), "a map's knots must be finite")
    precondition(zip(parameters, parameters.dropFirst()).allSatisfy { $0 < $1 }, "knots must ascend")
    let steps = zip(values, values.dropFirst())
    let increasing = steps.allSatisfy { $0 <= $1 }
    precondition(increasing || steps.allSatisfy { $0 >= $1 }, "a map's values must be monotone")
    self.parameters = parameters
    self.values = values
    isIncreasing = increasing
  }

  /// The monotone map nearest `values` (measured at ascending `parameters`) in squared error.
  public init(fitting values: [Double], at parameters: [Double]) {
    let increasing = Self.pooled(values)
    let decreasing = Self.pooled(values.map { -$0 }).map { -$0 }
    func error(_ fit: [Double]) -> Double { zip(fit, values).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
    self.init(parameters: parameters, values: error(decreasing) < error(increasing) ? decreasing : increasing)
  }

  /// The map of a parameter that sets the measurement exactly (a target luminance), over `range`.
  public static func identity(over range: ClosedRange<Double>) -> MonotoneMap {
    range.lowerBound == range.upperBound
      ? MonotoneMap(parameters: [range.lowerBound], values: [range.lowerBound])
      : MonotoneMap(parameters: [range.lowerBound, range.upperBound], values: [range.lowerBound, range.upperBound])
  }

  /// How far the map's values reach, end to end.
  public var span: Double { abs(values[values.count - 1] - values[0]) }

  /// The value expected at `parameter`.
  public func value(at parameter: Double) -> Double {
    guard parameter > parameters[0] else { return values[0] }
    for knot in 1..<parameters.count where parameter <= parameters[knot] {
      let fraction = (parameter - parameters[knot - 1]) / (parameters[knot] - parameters[knot - 1])
      return values[knot - 1] + fraction * (values[knot] - values[knot - 1])
    }
    return values[values.count - 1]
  }

  /// The parameter at which the map reaches `target`: the generalised inverse, the lowest parameter whose
  /// value is at least `target` (at most, for a decreasing map).
  ///
  /// A target the map never reaches gives the end knot nearest it, so a measurement below everything the
  /// map makes (a blind SNR at its estimator's floor) gives the parameter that makes the lowest values.
  /// On a flat stretch the lowest parameter of the stretch is taken.
  public func parameter(for target: Double) -> Double {
    let sign = isIncreasing ? 1.0 : -1.0
    let (goal, first) = (sign * target, sign * values[0])
    guard goal > first else { return parameters[0] }
    for knot in 1..<parameters.count where sign * values[knot] >= goal {
      let (low, high) = (sign * values[knot - 1], sign * values[knot])
      return parameters[knot - 1] + (goal - low) / (high - low) * (parameters[knot] - parameters[knot - 1])
    }
    return parameters[parameters.count - 1]
  }

  /// The non-decreasing sequence nearest `values` in squared error: adjacent values that decrease are
  /// pooled into blocks at their mean until no block exceeds the next.
  static func pooled(_ values: [Double]) -> [Double] {
    var blocks: [(mean: Double, count: Int)] = []
    for value in values {
      blocks.append((value, 1))
      while blocks.count > 1, blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
        let last = blocks.removeLast(), previous = blocks.removeLast()
        let count = previous.count + last.count
        blocks.append(((previous.mean * Double(previous.count) + last.mean * Double(last.count)) / Double(count), count))
      }
    }
    return blocks.flatMap { Array(repeating: $0.mean, count: $0.count) }
  }
}
