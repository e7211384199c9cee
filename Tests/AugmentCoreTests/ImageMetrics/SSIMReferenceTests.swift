import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// A source prepared once as an ``SSIM/Reference`` scores every candidate exactly as filtering the five
/// moment quantities of both images together does, which is how SSIM was computed before the source's
/// half was split off.
@Suite struct SSIMReferenceTests {
  /// The reference pairs' second images, and the first with sensor noise, all scored against one reference.
  static func candidates(of source: Image) throws -> [Image] {
    let blurred = try GaussianBlur().apply(.init(sigma: 1.5), to: source)
    let noisy = try SensorNoise().apply(.init(sigma: 0.02, noiseSeed: 7), to: source)
    return [ReferenceImages.brighter(source), ReferenceImages.box3(source), blurred, noisy, source]
  }

  @Test func oneReferenceScoresEachCandidateAsFilteringBothTogether() throws {
    let rgb8 = ReferenceImages.rgb8()
    let sources = [
      rgb8, ReferenceImages.gray8(), ReferenceImages.rgb16(), ReferenceImages.withAlpha(rgb8, variant: 0),
    ]
    for source in sources {
      let reference = try SSIM.Reference(source)
      let candidates = try Self.candidates(of: source)
      // Twice over, so a reference that kept anything of an earlier candidate would show.
      for candidate in candidates + candidates.reversed() {
        let expected = Self.jointChannelScores(source, candidate)
        #expect(try SSIM.channelScores(reference, candidate) == expected, "\(source.layout) \(source.bitDepth)")
        #expect(try SSIM.score(reference, candidate) == expected.reduce(0, +) / Double(expected.count))
      }
      #expect(try SSIM.score(reference, source) == 1)
    }
  }

  /// Prepared on two threads or one, the reference holds the same averages.
  @Test func aReferenceIsTheSameOnAnyNumberOfThreads() throws {
    let source = try PNGFile.read(from: ReferenceData.repositoryRoot.appending(path: "samples/images/img002.png"))
    let (single, double) = (try SSIM.Reference(source), try SSIM.Reference(source, threads: 2))
    #expect(single.levels == double.levels && single.means == double.means && single.squares == double.squares)
    let candidate = try GaussianBlur().apply(.init(sigma: 1.2), to: source)
    #expect(try SSIM.score(single, candidate, threads: 2) == SSIM.score(source, candidate))
  }

  @Test func aReferenceRefusesWhatItCannotCompare() throws {
    let reference = try SSIM.Reference(ReferenceImages.rgb8())
    #expect(throws: ImageMetricError.mismatchedImages("layouts rgb and gray differ")) {
      try SSIM.score(reference, Image(width: 64, height: 48, layout: .gray, filledWith: 0.5))
    }
    #expect(throws: ImageMetricError.mismatchedImages("bit depths 8 and 16 differ")) {
      try SSIM.score(reference, Image(width: 64, height: 48, layout: .rgb, bitDepth: .sixteen, filledWith: 0.5))
    }
    #expect(throws: ImageMetricError.imageTooSmall(width: 10, height: 30, minimum: 11)) {
      try SSIM.Reference(Image(width: 10, height: 30, layout: .gray, filledWith: 0.5))
    }
  }

  /// SSIM per colour channel with `x`, `y`, `x²`, `y²` and `xy` interleaved and filtered in one pass,
  /// each value summed in pixel order: the computation before sources were prepared apart.
  static func jointChannelScores(_ a: Image, _ b: Image) -> [Double] {
    let (width, height, colors) = (a.width, a.height, a.layout.colorChannelCount)
    let maxLevel = a.bitDepth.maxLevel
    var inputs: [Float] = []
    for p in 0..<(width * height) {
      for c in 0..<colors {
        let x = level(a.pixels[p * a.channelCount + c], maxLevel) - maxLevel / 2
        let y = level(b.pixels[p * b.channelCount + c], maxLevel) - maxLevel / 2
        inputs += [x, y, x * x, y * y, x * y]
      }
    }
    let radius = SSIM.radius
    let window = SeparableFilter(
      weights: GaussianWeights.sampled(sigma: SSIM.sigma, radius: radius).map { Float($0) }, border: .reflect)
    let rows = radius..<(height - radius)
    var local = [Float](repeating: 0, count: rows.count * width * 5 * colors)
    inputs.withUnsafeBufferPointer { inputs in
      local.withUnsafeMutableBufferPointer { local in
        window.apply(
          inputs.baseAddress!, width: width, height: height, channels: 5 * colors, rows: rows, into: local.baseAddress!)
      }
    }
    let level = Double(maxLevel)
    let (c1, c2) = ((0.01 * level) * (0.01 * level), (0.03 * level) * (0.03 * level))
    // Sums per band of 16 rows, then over the bands, as the bands of the computation are added.
    var bandSums = [[Double]](repeating: [Double](repeating: 0, count: colors), count: (rows.count + 15) / 16)
    for row in 0..<rows.count {
      for x in radius..<(width - radius) {
        for c in 0..<colors {
          let m = (row * width + x) * 5 * colors + 5 * c
          let (centredX, centredY) = (Double(local[m]), Double(local[m + 1]))
          let varianceX = Double(local[m + 2]) - centredX * centredX
          let varianceY = Double(local[m + 3]) - centredY * centredY
          let covariance = Double(local[m + 4]) - centredX * centredY
          let (meanX, meanY) = (centredX + level / 2, centredY + level / 2)
          bandSums[row / 16][c] +=
            (2 * meanX * meanY + c1) * (2 * covariance + c2)
            / ((meanX * meanX + meanY * meanY + c1) * (varianceX + varianceY + c2))
        }
      }
    }
    let count = Double(rows.count * (width - 2 * radius))
    return (0..<colors).map { c in bandSums.reduce(0) { $0 + $1[c] } / count }
  }
}
