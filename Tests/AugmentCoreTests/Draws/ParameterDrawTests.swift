import Foundation
import Testing

@testable import AugmentCore

@Suite struct ParameterDrawTests {
  /// The triangular distribution on [2, 18] with mode 6: its quantile function and CDF.
  enum Triangular {
    static let (low, mode, high) = (2.0, 6.0, 18.0)
    static func quantile(_ p: Double) -> Double {
      p < (mode - low) / (high - low)
        ? low + (p * (high - low) * (mode - low)).squareRoot()
        : high - ((1 - p) * (high - low) * (high - mode)).squareRoot()
    }
    static func cdf(_ x: Double) -> Double {
      if x <= low { return 0 }
      if x >= high { return 1 }
      return x <= mode
        ? (x - low) * (x - low) / ((high - low) * (mode - low))
        : 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
    }
  }

  /// The one-sample Kolmogorov–Smirnov statistic of `sample` against `cdf`.
  static func ks(_ sample: [Double], _ cdf: (Double) -> Double) -> Double {
    let sorted = sample.sorted(), n = Double(sample.count)
    return sorted.enumerated().reduce(0) { worst, item in
      let f = cdf(item.element)
      return max(worst, f - Double(item.offset) / n, Double(item.offset + 1) / n - f)
    }
  }

  /// Members whose counterpart is triangular (400 of them, at its quantiles (i + ½)/400) and a map that
  /// bends it (in either direction): the counterparts the map gives 2000 drawn parameters follow the
  /// triangular distribution. Bound: the one-sample KS test's 1 % critical value for 2000 draws,
  /// 1.628/√2000 = 0.0364, plus 1/400 for the members standing for the distribution.
  /// Measured: 0.0143 for both maps (each gives back exactly the members' quantile it inverted).
  @Test func quantileDrawReproducesAKnownDistribution() throws {
    let members = (0..<400).map { Triangular.quantile((Double($0) + 0.5) / 400) }
    let bound = 1.628 / 2000.0.squareRoot() + 1.0 / 400
    for values in [[0.0, 2, 8, 15, 20], [20, 15, 8, 2, 0]] {
      let map = MonotoneMap(parameters: [0, 1, 2, 3, 4], values: values)
      let draw = ParameterDraw.quantileMatched(try #require(QuantileMatch(counterparts: members.reversed(), map: map, range: 0...4)))
      var rng = Xoshiro256StarStar(seed: 42)
      let drawn = (0..<2000).map { _ in draw.draw(using: &rng) }
      #expect(drawn.allSatisfy { (0...4).contains($0) })
      let statistic = Self.ks(drawn.map(map.value(at:)), Triangular.cdf)
      #expect(statistic < bound, "KS \(statistic) for map \(values)")
      #expect(draw.quantile(0.1) < draw.quantile(0.5) && draw.quantile(0.5) < draw.quantile(0.9))
    }
  }

  /// Each form takes exactly one number from the generator; the uniform form is the draw every transform
  /// made before quantile matching, `lower + (upper − lower) · u`.
  @Test func everyDrawConsumesOneUniform() throws {
    let map = MonotoneMap(parameters: [0, 15], values: [-2, 15])
    let matched = ParameterDraw.quantileMatched(try #require(QuantileMatch(counterparts: [1, 4, 9], map: map, range: 0...15)))
    for draw in [ParameterDraw.uniform(-3...12), matched] {
      var drawing = Xoshiro256StarStar(seed: 9)
      var counting = drawing
      let value = draw.draw(using: &drawing)
      let u = counting.unitDouble()
      #expect(drawing.next() == counting.next())
      if case .uniform = draw { #expect(value == -3 + 15 * u) } else { #expect(value == matched.value(at: u)) }
    }
  }

  /// Members beyond what the range makes pile at its ends; members at an estimator's floor (−20 dB,
  /// "at most −20") are the lowest quantiles and give the range's low end.
  @Test func drawsStayInTheRange() throws {
    let map = MonotoneMap(parameters: [0, 7.5, 15], values: [-2.4, 6.8, 15.1])
    let counterparts = [-20, -20, -20, 1, 4, 6, 9, 12, 19, 25.0]
    let draw = ParameterDraw.quantileMatched(try #require(QuantileMatch(counterparts: counterparts, map: map, range: 0...15)))
    #expect(draw.value(at: 0) == 0 && draw.value(at: 2.0 / 9) == 0)
    #expect(draw.value(at: 1) == 15 && draw.value(at: 8.0 / 9) == 15)
    // The sixth member, 6, lies on the map's first segment.
    #expect(abs(draw.value(at: 5.0 / 9) - 7.5 * (6 + 2.4) / (6.8 + 2.4)) < 1e-12)
    #expect(QuantileMatch(counterparts: [.nan, .infinity], map: map, range: 0...15) == nil)
  }
}
