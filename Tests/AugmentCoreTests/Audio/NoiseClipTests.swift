import Testing

@testable import AugmentCore

@Suite struct NoiseClipTests {
  /// A clip of 1 000 samples whose squares are known exactly: sample `i` is `(i % 7 − 3) / 8`.
  static let samples = (0..<1_000).map { Float($0 % 7 - 3) / 8 }

  /// The exact `Σx²` over a range: the squares are multiples of 1/64, summed without rounding.
  static func exactSquares(_ range: Range<Int>) -> Double {
    range.reduce(0.0) { $0 + Double(samples[$1]) * Double(samples[$1]) }
  }

  /// Stretches inside one stride, across one boundary, across several, starting or ending on a
  /// boundary, the whole clip, and nothing.
  @Test(arguments: [10..<200, 200..<300, 13..<997, 256..<768, 0..<1_000, 511..<513, 999..<1_000, 400..<400])
  func energyOfAStretchIsItsSumOfSquares(range: Range<Int>) {
    let clip = NoiseClip(samples: Self.samples)
    #expect(clip.sumOfSquares(in: range) == Self.exactSquares(range))
    #expect(clip.meanSquare(in: range) == (range.isEmpty ? 0 : Self.exactSquares(range) / Double(range.count)))
  }

  @Test func peakIsTheLargestMagnitude() {
    #expect(NoiseClip(samples: Self.samples).peak == 3.0 / 8)
    #expect(NoiseClip(samples: [0.25, -0.75, 0.5]).peak == 0.75)
  }

  /// The running sums add one double per stride of 256 samples, plus one for the start.
  @Test func bytesCountSamplesAndRunningSums() {
    #expect(NoiseClip(samples: Self.samples).bytes == 1_000 * 4 + 4 * 8)
  }
}
