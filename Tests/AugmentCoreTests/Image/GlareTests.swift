import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct GlareTests {
  static let parameters = Glare.Parameters(
    centerX: 0.5, centerY: 0.5, radiusAlong: 0.3, radiusAcross: 0.05, angle: 30, strength: 0.7)

  /// Each colour sample becomes `1 − (1 − x)(1 − h)` with `h` the documented elliptical Gaussian;
  /// alpha is copied.
  @Test func screenBlendsTheDocumentedHighlight() throws {
    let image = ReferenceImages.withAlpha(ReferenceImages.rgb8(), variant: 1)
    let output = try Glare().apply(Self.parameters, to: image)
    let diagonal = Double(image.width * image.width + image.height * image.height).squareRoot()
    let radians = 30 * Double.pi / 180
    for y in 0..<image.height {
      for x in 0..<image.width {
        let (ox, oy) = (Double(x) + 0.5 - 32, Double(y) + 0.5 - 24)
        let u = (ox * cos(radians) - oy * sin(radians)) / (0.3 * diagonal)
        let v = (ox * sin(radians) + oy * cos(radians)) / (0.05 * diagonal)
        let h = 0.7 * exp(-0.5 * (u * u + v * v))
        for c in 0..<3 {
          let expected = 1 - (1 - Double(image[x, y, c])) * (1 - h)
          #expect(abs(Double(output[x, y, c]) - expected) < 1e-6)
        }
        #expect(output[x, y, 3] == image[x, y, 3])
      }
    }
  }

  /// On black the highlight shows directly: brightest at its centre, falling off faster across its
  /// axis than along it; white stays white.
  @Test func highlightIsElongatedAlongItsAngle() throws {
    let parameters = Glare.Parameters(
      centerX: 0.5, centerY: 0.5, radiusAlong: 0.2, radiusAcross: 0.04, angle: 0, strength: 0.8)
    let black = Image(width: 101, height: 61, layout: .gray, bitDepth: .sixteen, filledWith: 0)
    let output = try Glare().apply(parameters, to: black)
    let peak = output[50, 30, 0]
    #expect(abs(Double(peak) - 0.8 * exp(-0.5 * (0.5 * 0.5) / pow(0.2 * 117.78, 2))) < 1e-3)
    #expect(output.pixels.allSatisfy { $0 <= peak })
    #expect(output[60, 30, 0] > output[50, 40, 0])
    let white = Image(width: 10, height: 10, layout: .rgb, filledWith: 1)
    #expect(try Glare().apply(parameters, to: white) == white)
  }
}
