import Foundation
import Testing

@testable import AugmentAnalysis

/// Fisher's exact test, one-sided, against scipy's `fisher_exact(alternative="less")` (`Reference/make-fisher.py`,
/// checked there against Fisher's tea-tasting example, 17/70).
@Suite struct FisherExactTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var counts: [Int]
      var pValue: Double
    }

    var cases: [Case]
  }

  @Test func pValuesMatchTheReference() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Reference/fisher.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    #expect(reference.cases.count == 10)
    for item in reference.cases {
      let c = item.counts
      let p = FisherExactTest.lowerTail(successes: c[0], trials: c[1], otherSuccesses: c[2], otherTrials: c[3])
      // log-gamma of a population of N carries an absolute error of a few N·2⁻⁵² into the logarithm of the term.
      let tolerance = 1e-14 * Double(c[1] + c[3])
      #expect(abs(p - item.pValue) <= tolerance * item.pValue, "\(c): \(p) vs \(item.pValue)")
    }
  }

  /// Fisher's example by hand: of the 70 ways to pick 4 of 8 cups, 1 + 16 have at most one of the 4 right ones.
  @Test func teaTastingIsSeventeenSeventieths() {
    let p = FisherExactTest.lowerTail(successes: 1, trials: 4, otherSuccesses: 3, otherTrials: 4)
    #expect(abs(p - 17.0 / 70) < 1e-15)
    #expect(FisherExactTest.lowerTail(successes: 0, trials: 0, otherSuccesses: 3, otherTrials: 4) == 1)
  }
}
