import Testing

@testable import MediaIO

@Suite struct ImageLevelTests {
  /// The rounding the levels are defined by: clamp to 0...1, scale, add a half, truncate.
  static func plainLevel(_ sample: Float, _ maxLevel: Float) -> UInt16 {
    UInt16(min(max(sample, 0), 1) * maxLevel + 0.5)
  }

  /// Every level's centre and every boundary between two levels, each with four neighbouring Floats
  /// on either side, and the values outside 0...1.
  @Test(arguments: Image.BitDepth.allCases)
  func branchFreeRoundingMatchesThePlainFormula(depth: Image.BitDepth) {
    let maxLevel = depth.maxLevel
    var samples: [Float] = [-0.0, -1, -.infinity, 1.5, .infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
    for k in 0...Int(maxLevel) {
      for centre in [Float(k) / maxLevel, (Float(k) + 0.5) / maxLevel] {
        var below = centre, above = centre
        samples.append(centre)
        for _ in 0..<4 {
          below = below.nextDown
          above = above.nextUp
          samples += [below, above]
        }
      }
    }
    let mismatches = samples.filter { Image.level(of: $0, maxLevel: maxLevel) != Self.plainLevel($0, maxLevel) }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(samples.count == 7 + (Int(maxLevel) + 1) * 18)
  }

  @Test func notANumberBecomesZero() {
    #expect(Image.level(of: .nan, maxLevel: 255) == 0)
    #expect(Image.level(of: -.nan, maxLevel: 65535) == 0)
  }
}
