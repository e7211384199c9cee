import Foundation
import Testing

@testable import AugmentCore

/// The ziggurat's draws follow the standard normal: in the body (Kolmogorov–Smirnov), in the wedges
/// between its rectangles and the density, and in the tail its base layer hands to Marsaglia's method.
@Suite struct StandardNormalTests {
  static let count = 1_000_000

  static func draws(seed: UInt64) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed)
    var values: [Double] = []
    values.reserveCapacity(count)
    StandardNormal.draw(count, using: &rng) { values.append($0) }
    return values
  }

  /// Φ, from the complementary error function.
  static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  @Test func aMillionDrawsPassKolmogorovSmirnov() {
    let sorted = Self.draws(seed: 1).sorted()
    let n = Double(sorted.count)
    var largest = 0.0
    for (rank, value) in sorted.enumerated() {
      let cdf = Self.cdf(value)
      largest = max(largest, abs(Double(rank + 1) / n - cdf), abs(cdf - Double(rank) / n))
    }
    // The 0.1 % critical value of the KS statistic is 1.95 / √n.
    #expect(largest < 1.95 / n.squareRoot(), "D = \(largest)")
  }

  @Test func momentsAndTailSharesAreTheNormals() {
    let values = Self.draws(seed: 2)
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    let kurtosis = values.reduce(0) { $0 + pow($1 - mean, 4) } / n / (variance * variance)
    // Standard errors over 10⁶ draws: mean 0.001, variance 0.0014, kurtosis 0.0049; held to 4 of them.
    #expect(abs(mean) < 0.004)
    #expect(abs(variance - 1) < 0.0057)
    #expect(abs(kurtosis - 3) < 0.02)
    // Beyond the base layer's edge r and in a wedge-heavy band: the expected share ± 4 standard errors.
    for (low, high) in [(StandardNormal.r, Double.infinity), (2.0, 2.5), (0.9, 1.0)] {
      let expected = 2 * (Self.cdf(high) - Self.cdf(low))
      let share = Double(values.count { (low..<high).contains(abs($0)) }) / n
      #expect(abs(share - expected) < 4 * (expected * (1 - expected) / n).squareRoot(), "\(low)…\(high): \(share)")
    }
  }

  @Test func theLayersHaveTheAreaTheyWereBuiltFor() {
    // Each layer i ≥ 1 spans x[i+1]…x[i] horizontally under f(x) = exp(−x²/2); its rectangle, x[i] wide and
    // f(x[i+1]) − f(x[i]) tall, has the common area; the top layer ends at 0 with f(0) = 1.
    let (x, f) = (StandardNormal.x, { (x: Double) in exp(-0.5 * x * x) })
    for layer in 1..<StandardNormal.layers {
      let area = x[layer] * (f(x[layer + 1]) - f(x[layer]))
      #expect(abs(area / StandardNormal.area - 1) < 1e-6, "layer \(layer): \(area)")
    }
  }
}
