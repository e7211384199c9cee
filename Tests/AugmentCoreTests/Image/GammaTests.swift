import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct GammaTests {
  /// Every 8-bit and 16-bit level maps to `(level / max)^γ`; alpha is copied.
  @Test(arguments: [Image.BitDepth.eight, .sixteen])
  func raisesEachColourSampleToGamma(bitDepth: Image.BitDepth) throws {
    let maxLevel = Int(bitDepth.maxLevel)
    let step = bitDepth == .eight ? 1 : 257
    let image = ReferenceImages.image(width: 256, height: 1, layout: .grayAlpha, bitDepth: bitDepth) { x, _, c in
      c == 1 ? (maxLevel - x * step) : x * step
    }
    let output = try Gamma().apply(.init(gamma: 2.2), to: image)
    for x in 0..<256 {
      let expected = pow(Double(x * step) / Double(maxLevel), 2.2)
      #expect(abs(Double(output[x, 0, 0]) - expected) < 1e-7)
      #expect(output[x, 0, 1] == image[x, 0, 1])
    }
  }

  /// Samples between levels (as after a blur) take the same `pow` as samples on levels.
  @Test func samplesOffTheLevelGridUsePow() throws {
    let image = Image(width: 3, height: 1, layout: .gray, bitDepth: .eight, pixels: [0.123456, 0.5, 0.987654])
    let output = try Gamma().apply(.init(gamma: 0.7), to: image)
    for (sample, result) in zip(image.pixels, output.pixels) {
      #expect(abs(Double(result) - pow(Double(sample), 0.7)) < 1e-7)
    }
  }
}
