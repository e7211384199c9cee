import Testing

@testable import AugmentCore

@Suite struct MonotoneMapTests {
  /// y = 3x + 1 between knots at 0, 1 and 4, then flat at 13 to 5: inverted exactly inside, the end knots
  /// outside, and the lowest parameter of a flat stretch.
  @Test func inversionOfAKnownMap() {
    let map = MonotoneMap(parameters: [0, 1, 4, 5], values: [1, 4, 13, 13])
    #expect(map.isIncreasing)
    for x in [0.0, 0.25, 1, 2.5, 3.9] {
      #expect(abs(map.value(at: x) - (3 * x + 1)) < 1e-12)
      #expect(abs(map.parameter(for: 3 * x + 1) - x) < 1e-12)
    }
    #expect(map.parameter(for: -7) == 0)
    #expect(map.parameter(for: 13) == 4)
    #expect(map.parameter(for: 20) == 5)
    #expect(map.value(at: -1) == 1 && map.value(at: 9) == 13)
    #expect(map.span == 12)
  }

  /// A decreasing map (more blur, less sharpness) inverts the same way, mirrored.
  @Test func inversionOfADecreasingMap() {
    let map = MonotoneMap(parameters: [0, 2, 4], values: [3, 2, 0])
    #expect(!map.isIncreasing)
    #expect(map.parameter(for: 2.5) == 1)
    #expect(map.parameter(for: 1) == 3)
    #expect(map.parameter(for: 5) == 0)
    #expect(map.parameter(for: -1) == 4)
  }

  /// Pool-adjacent-violators on hand-worked sequences; the direction nearer the points is kept.
  @Test func fitIsTheNearestMonotoneSequence() {
    #expect(MonotoneMap.pooled([1, 3, 2, 4]) == [1, 2.5, 2.5, 4])
    #expect(MonotoneMap.pooled([4, 1, 3, 2, 5]) == [2.5, 2.5, 2.5, 2.5, 5])
    let rising = MonotoneMap(fitting: [-2, 1, 0.5, 7], at: [0, 5, 10, 15])
    #expect(rising.isIncreasing && rising.values == [-2, 0.75, 0.75, 7])
    let falling = MonotoneMap(fitting: [2.1, 1.6, 1.7, 0.9], at: [0, 1, 2, 3])
    #expect(!falling.isIncreasing && falling.values.map { ($0 * 1000).rounded() / 1000 } == [2.1, 1.65, 1.65, 0.9])
    #expect(MonotoneMap(fitting: [2, 2, 2], at: [0, 1, 2]).isIncreasing)
  }
}
