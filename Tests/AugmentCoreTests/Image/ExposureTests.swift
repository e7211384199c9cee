import AugmentCore
import MediaIO
import Testing

@Suite struct ExposureTests {
  /// A 16×8 RGBA gradient with a varying alpha, 16-bit so no level rounding hides an error.
  static let gradient: Image = {
    var image = Image(width: 16, height: 8, layout: .rgba, bitDepth: .sixteen, filledWith: 0)
    for y in 0..<8 {
      for x in 0..<16 {
        image[x, y, 0] = Float(x) / 40
        image[x, y, 1] = Float(y) / 20
        image[x, y, 2] = 0.25
        image[x, y, 3] = Float(x + y) / 30
      }
    }
    return image
  }()

  static func meanLuma(_ image: Image) -> Double {
    ImageStatistics(of: image).meanLuminance
  }

  @Test func reachesTheDrawnTargetAndKeepsAlpha() throws {
    let exposure = Exposure(targetLuminance: .uniform(0.05...0.12))
    var rng = Xoshiro256StarStar(seed: 3)
    let source = Self.gradient
    let (output, record) = try exposure(source, using: &rng)
    let parameters = try record.decodeParameters(Exposure.Parameters.self)
    #expect((0.05...0.12).contains(parameters.targetLuminance))
    #expect(abs(parameters.sourceLuminance - Self.meanLuma(source)) < 1e-9)
    #expect(abs(Self.meanLuma(output) - parameters.targetLuminance) < 1e-4)
    for y in 0..<8 {
      for x in 0..<16 {
        #expect(output[x, y, 3] == source[x, y, 3])
        #expect(abs(output[x, y, 0] - source[x, y, 0] * Float(parameters.gain)) < 1e-6)
      }
    }
    #expect(try exposure.replay(record, on: source) == output)
  }

  @Test func brighteningSaturatesAtFullScale() throws {
    let parameters = Exposure.Parameters(targetLuminance: 0.9, sourceLuminance: 0.3, gain: 3)
    let output = try Exposure(targetLuminance: .uniform(0.9...0.9)).apply(parameters, to: Self.gradient)
    #expect(output.pixels.allSatisfy { $0 <= 1 })
    #expect(output[15, 7, 0] == 1)
  }

  @Test func blackSourceIsLeftAlone() throws {
    let black = Image(width: 4, height: 4, layout: .gray, bitDepth: .eight, filledWith: 0)
    var rng = Xoshiro256StarStar(seed: 1)
    let parameters = try Exposure(targetLuminance: .uniform(0.5...0.5)).sampleParameters(for: black, using: &rng)
    #expect(parameters.gain == 1)
  }
}

@Suite struct RelativeDefectContrastTests {
  /// A defect (a darker stripe) in a 32×32 mid-grey 16-bit image, so level rounding is negligible.
  static let scene: Image = {
    var image = Image(width: 32, height: 32, layout: .rgb, bitDepth: .sixteen, filledWith: 0.5)
    for y in 10..<22 {
      for channel in 0..<3 { image[15, y, channel] = 0.3 }
    }
    return image
  }()
  static let box = PixelBox(x: 10, y: 8, width: 12, height: 16)

  @Test func exposureKeepsRelativeContrastButNotAbsolute() throws {
    let darker = try Exposure(targetLuminance: .uniform(0.1...0.1)).apply(
      .init(targetLuminance: 0.1, sourceLuminance: 0.5, gain: 0.25), to: Self.scene)
    let contrast = try LocalContrast(candidate: darker, source: Self.scene, box: Self.box)
    #expect(abs(try #require(contrast.retainedFraction) - 0.25) < 1e-4)
    #expect(abs(try #require(contrast.retainedRelativeFraction) - 1) < 1e-3)
  }

  @Test func glareOverTheDefectLowersRelativeContrast() throws {
    let parameters = Glare.Parameters(centerX: 0.5, centerY: 0.5, radiusAlong: 0.5, radiusAcross: 0.5, angle: 0, strength: 0.8)
    let washed = try Glare().apply(parameters, to: Self.scene)
    let contrast = try LocalContrast(candidate: washed, source: Self.scene, box: Self.box)
    #expect(try #require(contrast.retainedRelativeFraction) < 0.5)
  }
}
