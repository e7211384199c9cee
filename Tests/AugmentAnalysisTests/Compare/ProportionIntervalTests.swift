import Foundation
import Testing

@testable import AugmentAnalysis

/// Wilson score intervals and Newcombe's hybrid score interval (Newcombe 1998, method 10) against statsmodels
/// (`proportion_confint(method="wilson")`, `confint_proportions_2indep(method="newcomb")`), the normal quantiles
/// against scipy (`norm.isf`), and the interval against the limits Newcombe prints in Table II; all as
/// `Reference/make-newcombe.py` wrote them to `Reference/newcombe.json`.
@Suite struct ProportionIntervalTests {
  struct Reference: Decodable {
    struct Quantile: Decodable {
      var confidence: Double
      var z: Double
    }

    struct Wilson: Decodable {
      var successes: Int
      var trials: Int
      var confidence: Double
      var lower: Double
      var upper: Double
    }

    struct Difference: Decodable {
      var first: [Int]
      var second: [Int]
      var confidence: Double
      var estimate: Double
      var lower: Double
      var upper: Double
      /// Newcombe's Table II limits, four decimals, where the case is one of his examples.
      var published: [Double]?
    }

    var quantiles: [Quantile]
    var wilson: [Wilson]
    var differences: [Difference]
  }

  private func reference() throws -> Reference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Reference/newcombe.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  private func proportion(_ pair: [Int]) throws -> Proportion {
    try #require(Proportion(successes: pair[0], trials: pair[1]))
  }

  @Test func newcombeMatchesStatsmodels() throws {
    let cases = try reference().differences
    #expect(cases.count == 36)
    for entry in cases {
      let interval = try ProportionDifference.newcombe(
        proportion(entry.first), minus: proportion(entry.second), confidence: entry.confidence)
      let name = "\(entry.first) - \(entry.second) at \(entry.confidence)"
      #expect(abs(interval.estimate - entry.estimate) < 1e-15, "\(name)")
      #expect(abs(interval.lower - entry.lower) < 1e-15, "\(name): lower \(interval.lower) vs \(entry.lower)")
      #expect(abs(interval.upper - entry.upper) < 1e-15, "\(name): upper \(interval.upper) vs \(entry.upper)")
    }
  }

  /// Newcombe (1998), Table II, method 10: (a) 56/70 − 48/80 gives 0.0524 to 0.3339, (b) 9/10 − 3/10 gives
  /// 0.1705 to 0.8090, (g) 10/10 − 0/20 gives 0.6791 to 1.0000.
  @Test func newcombeReproducesThePublishedExamples() throws {
    let published = try reference().differences.filter { $0.published != nil }
    #expect(published.count == 3)
    for entry in published {
      let interval = try ProportionDifference.newcombe(
        proportion(entry.first), minus: proportion(entry.second), confidence: 0.95)
      let rounded = [interval.lower, interval.upper].map { ($0 * 10_000).rounded() / 10_000 }
      #expect(rounded == entry.published, "\(entry.first) - \(entry.second)")
    }
    let example = try ProportionDifference.newcombe(
      #require(Proportion(successes: 56, trials: 70)), minus: #require(Proportion(successes: 48, trials: 80)),
      confidence: 0.95)
    #expect(abs(example.estimate - 0.2) < 1e-15)
    #expect(example.verdict == .improved)
  }

  @Test func wilsonMatchesStatsmodels() throws {
    for entry in try reference().wilson {
      let interval = try #require(Proportion(successes: entry.successes, trials: entry.trials))
        .wilsonInterval(confidence: entry.confidence)
      let name = "\(entry.successes)/\(entry.trials) at \(entry.confidence)"
      #expect(abs(interval.lowerBound - entry.lower) < 1e-15, "\(name)")
      #expect(abs(interval.upperBound - entry.upper) < 1e-15, "\(name)")
    }
  }

  @Test func quantilesMatchScipy() throws {
    for entry in try reference().quantiles {
      let z = try NormalQuantile.twoSided(confidence: entry.confidence)
      #expect(abs(z - entry.z) < 1e-15, "confidence \(entry.confidence): z \(z) vs scipy \(entry.z)")
    }
  }

  @Test func verdictFollowsTheInterval() {
    #expect(ProportionDifference(estimate: 0.1, lower: 0.01, upper: 0.2).verdict == .improved)
    #expect(ProportionDifference(estimate: -0.1, lower: -0.2, upper: -0.01).verdict == .dropped)
    #expect(ProportionDifference(estimate: 0.1, lower: -0.01, upper: 0.2).verdict == .noClearChange)
    #expect(ProportionDifference(estimate: 0, lower: 0, upper: 0.1).verdict == .noClearChange)
  }

  @Test(arguments: [0.0, 1.0, -0.5, 95, Double.nan])
  func rejectsConfidenceOutsideZeroToOne(confidence: Double) throws {
    let proportion = try #require(Proportion(successes: 3, trials: 10))
    #expect(throws: ComparisonError.self) {
      try ProportionDifference.newcombe(proportion, minus: proportion, confidence: confidence)
    }
    #expect(throws: ComparisonError.self) { try proportion.wilsonInterval(confidence: confidence) }
  }

  @Test func rejectsImpossibleCounts() {
    #expect(Proportion(successes: 0, trials: 0) == nil)
    #expect(Proportion(successes: 11, trials: 10) == nil)
    #expect(Proportion(successes: -1, trials: 10) == nil)
    #expect(Proportion(successes: 10, trials: 10)?.value == 1)
  }
}
