import MediaIO
import Testing

@testable import AugmentCore

@Suite struct ClippedPixelsTests {
  /// A pixel counts as dark when some colour channel is written as level 0, and bright when some channel
  /// is written as the top level, including samples that round there; alpha never counts.
  @Test func countsPixelsByTheLevelsTheyAreWrittenAs() {
    let samples: [[Float]] = [
      [0, 0.5, 0.5, 1],  // dark: red at level 0
      [0.4 / 255, 0.5, 0.5, 1],  // dark: red rounds to level 0
      [0.6 / 255, 0.5, 0.5, 1],  // not dark: red rounds to level 1
      [0.5, 1, 0.5, 0],  // bright: green at the top; alpha 0 is not dark
      [0.5, 0.5, 254.6 / 255, 1],  // bright: blue rounds to 255
      [0.5, 0.5, 254.4 / 255, 1],  // neither: blue rounds to 254
      [0, 1, 0.5, 1],  // dark and bright
      [-0.2, 0.5, 1.3, 1],  // dark and bright: out-of-range samples clamp
    ]
    let image = Image(width: 4, height: 2, layout: .rgba, bitDepth: .eight, pixels: samples.flatMap { $0 })
    let clipped = ClippedPixels(of: image)
    #expect([clipped.dark, clipped.bright, clipped.total] == [4, 4, 8])
    #expect(clipped.fraction == 4.0 / 8 + 4.0 / 8)
  }

  /// On images of every layout and bit depth, with samples spread over each rounding boundary, the count
  /// is the count of pixels whose channels' levels include 0 or the top level.
  @Test func agreesWithLevelsChannelByChannel() {
    var rng = Xoshiro256StarStar(seed: 11)
    for layout in Image.Layout.allCases {
      for bitDepth in Image.BitDepth.allCases {
        let maxLevel = bitDepth.maxLevel
        // Near levels 0, 1, the top and one below it, and anywhere.
        let anchors: [Float] = [0.5, 1.5, maxLevel - 0.5, maxLevel - 1.5]
        let pixels = (0..<(37 * 23 * layout.channelCount)).map { _ -> Float in
          let draw = rng.index(below: 5)
          guard draw < 4 else { return Float(rng.unitDouble()) }
          let boundary = anchors[draw] / maxLevel
          return boundary + Float(rng.index(below: 9) - 4) * boundary.ulp
        }
        let image = Image(width: 37, height: 23, layout: layout, bitDepth: bitDepth, pixels: pixels)
        var (dark, bright) = (0, 0)
        for p in 0..<(37 * 23) {
          let levels = (0..<layout.colorChannelCount).map {
            Image.level(of: pixels[p * layout.channelCount + $0], maxLevel: maxLevel)
          }
          dark += levels.contains(0) ? 1 : 0
          bright += levels.contains(UInt16(maxLevel)) ? 1 : 0
        }
        let clipped = ClippedPixels(of: image)
        #expect([clipped.dark, clipped.bright, clipped.total] == [dark, bright, 37 * 23], "\(layout) \(bitDepth)")
        #expect(dark > 0 && bright > 0 && dark + bright < 2 * 37 * 23, "the image meets every case")
      }
    }
  }

  /// The thresholds found by bisection are where the level changes: the sample just below writes the
  /// level before.
  @Test func thresholdsLieOnTheLevelBoundaries() {
    for maxLevel: Float in [255, 65535] {
      let one = ClippedPixels.leastSample { level($0, maxLevel) >= 1 }
      let top = ClippedPixels.leastSample { level($0, maxLevel) == maxLevel }
      #expect(level(one, maxLevel) == 1 && level(one.nextDown, maxLevel) == 0)
      #expect(level(top, maxLevel) == maxLevel && level(top.nextDown, maxLevel) == maxLevel - 1)
    }
  }
}
