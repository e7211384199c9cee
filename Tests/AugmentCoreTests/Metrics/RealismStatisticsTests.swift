import Foundation
import Testing

@testable import AugmentCore

/// The two-sample test on cases with a known answer, the AUC against scikit-learn, and the k-NN
/// manifold on points whose balls can be worked out by hand.
@Suite struct RealismStatisticsTests {
  static func gaussian(_ count: Int, dimensions: Int, shift: Double, seed: UInt64) -> [[Double]] {
    var rng = Xoshiro256StarStar(seed: seed)
    func normal() -> Double {
      let u = max(rng.unitDouble(), 1e-300), v = rng.unitDouble()
      return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
    return (0..<count).map { _ in (0..<dimensions).map { _ in normal() + shift } }
  }

  /// Two samples of one distribution, twenty times over: the AUCs average about 0.5, and the 95 %
  /// interval holds 0.5 in all but the few draws a 95 % interval is allowed to miss.
  @Test func identicalDistributionsGiveAboutOneHalf() throws {
    var aucs: [Double] = [], covered = 0
    for seed in 1...20 as ClosedRange<UInt64> {
      let real = Self.gaussian(40, dimensions: 6, shift: 0, seed: seed)
      let generated = Self.gaussian(60, dimensions: 6, shift: 0, seed: seed + 100)
      let area = try #require(ClassifierTwoSampleTest.auc(real: real, generated: generated, seed: 9))
      aucs.append(area.auc)
      if area.lower <= 0.5 && 0.5 <= area.upper { covered += 1 }
    }
    let mean = aucs.reduce(0, +) / Double(aucs.count)
    #expect(abs(mean - 0.5) < 0.06)
    #expect(covered >= 17)
    #expect(aucs.allSatisfy { abs($0 - 0.5) < 0.25 })
  }

  /// Means four standard deviations apart in one of six features: almost always told apart.
  @Test func wellSeparatedDistributionsGiveAboutOne() throws {
    var real = Self.gaussian(40, dimensions: 6, shift: 0, seed: 4)
    real = real.map { [$0[0] + 4] + $0.dropFirst() }
    let generated = Self.gaussian(60, dimensions: 6, shift: 0, seed: 5)
    let area = try #require(ClassifierTwoSampleTest.auc(real: real, generated: generated, seed: 9))
    #expect(area.auc > 0.97)
    #expect(area.lower > 0.9)
  }

  @Test func tooFewRowsGiveNoFigure() {
    #expect(ClassifierTwoSampleTest.auc(real: [[0]], generated: [[1], [2]], seed: 1) == nil)
  }

  /// The AUC (ties counting one half) against `roc_auc_score` (Reference/make-realism-reference.py).
  @Test func aucAgreesWithScikitLearn() throws {
    let reference = try ReferenceData.load(RealismReference.self, "realism-reference.json")
    for entry in reference.auc {
      let area = ReceiverOperatingArea(positives: entry.positives, negatives: entry.negatives)
      #expect(abs(area.auc - entry.auc) < 1e-12)
    }
  }

  /// Members on a line at 0, 1, 2, 3, 10: third-neighbour distances 3, 2, 2, 3, 9, capped at their
  /// median 3. A point at 4.5 lies inside the ball of member 3 (radius 3 reaches 6); at 8 it is 2 from member 10, whose capped ball (3) holds it; at −3.5 it is outside
  /// every ball, nearest to member 0 at 3.5 over a radius 3.
  @Test func manifoldBallsAreCappedAtTheMedianRadius() {
    let manifold = RealismManifold(members: [[0], [1], [2], [3], [10]])
    #expect(manifold.radii == [3, 2, 2, 3, 3])
    #expect(manifold.membership(of: [4.5]).isInside)
    let far = manifold.membership(of: [8])
    #expect(far.isInside && far.nearest == 4)
    let outside = manifold.membership(of: [-3.5])
    #expect(!outside.isInside && outside.nearest == 0 && abs(outside.ballRatio - 3.5 / 3) < 1e-12)
  }

  /// Median and IQR/1.349 as NumPy's default quantiles give them, with the resolution as the least spread.
  @Test func scalingIsRobustAndFloored() {
    let scaling = FeatureScaling(fitting: [[1, 0], [2, 0], [3, 0], [4, 0], [100, 0]], minimumSpreads: [0.1, 0.5])
    #expect(scaling.centres == [3, 0])
    #expect(abs(scaling.spreads[0] - 2 / 1.349) < 1e-12)
    #expect(scaling.spreads[1] == 0.5)
  }
}

/// `Reference/realism-reference.json`, written by `Reference/make-realism-reference.py`.
struct RealismReference: Decodable {
  struct Clip: Decodable {
    var path: String
    var rolloff_hz: Double
    var noise_floor_db: [Double]
    var clipped_fraction: Double
  }
  struct AUCCase: Decodable {
    var positives: [Double]
    var negatives: [Double]
    var auc: Double
  }
  var generator: String
  var clips: [Clip]
  var auc: [AUCCase]
}
