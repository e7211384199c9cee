import MediaIO
import Testing

@testable import AugmentCore

@Suite struct BrightnessContrastTests {
  /// A shift of 20/255 moves every sample of a constant 8-bit image by exactly 20 levels, saturating at
  /// the ends; 5000/65535 moves a 16-bit one by exactly 5000.
  @Test func brightnessOnConstantImageIsExact() throws {
    let cases: [(bitDepth: Image.BitDepth, level: Float, shift: Float, expected: Float)] = [
      (.eight, 100, 20, 120), (.eight, 250, 20, 255), (.eight, 10, -20, 0),
      (.sixteen, 30_000, 5_000, 35_000), (.sixteen, 64_000, 5_000, 65_535),
    ]
    for test in cases {
      let maxLevel = test.bitDepth.maxLevel
      let image = Image(width: 5, height: 3, layout: .rgb, bitDepth: test.bitDepth, filledWith: test.level / maxLevel)
      let parameters = BrightnessContrast.Parameters(
        brightness: Double(test.shift / maxLevel), contrast: 0, pivot: .zero)
      let output = try BrightnessContrast().apply(parameters, to: image)
      #expect(output.levels().allSatisfy { Float($0) == test.expected })
      #expect(output.pixels.allSatisfy { abs($0 - test.expected / maxLevel) < 1e-6 })
    }
  }

  /// `out = α · (x − p) + p + β` for each pivot, sample by sample, and the pivot itself is a fixed point.
  @Test(arguments: BrightnessContrast.Pivot.allCases)
  func contrastTurnsAboutItsPivot(pivot: BrightnessContrast.Pivot) throws {
    // Levels 60…195 so a contrast of +0.5 never saturates.
    let image = ReferenceImages.image(width: 16, height: 8, layout: .rgba) { x, y, c in
      c == 3 ? 17 * x % 256 : 60 + (x * 9 + y * 5 + c * 31) % 136
    }
    let colorSamples = image.pixels.enumerated().filter { $0.offset % 4 != 3 }.map { Double($0.element) }
    let mean = colorSamples.reduce(0, +) / Double(colorSamples.count)
    let p: Double =
      switch pivot {
      case .zero: 0
      case .mean: mean
      case .midGrey: 0.5
      case .white: 1
      }
    let parameters = BrightnessContrast.Parameters(brightness: 0, contrast: 0.5, pivot: pivot)
    let output = try BrightnessContrast().apply(parameters, to: image)
    for (index, sample) in image.pixels.enumerated() {
      let expected = index % 4 == 3 ? Double(sample) : min(max(1.5 * (Double(sample) - p) + p, 0), 1)
      #expect(abs(Double(output.pixels[index]) - expected) < 1e-6)
    }
    #expect(
      abs(Double(try BrightnessContrast.kernel(for: parameters, source: image)(Float(p))) - p) < 1e-7)
    if pivot == .mean {
      let outputMean = output.pixels.enumerated().filter { $0.offset % 4 != 3 }.map { Double($0.element) }
      #expect(abs(outputMean.reduce(0, +) / Double(outputMean.count) - mean) < 1e-6)
    }
  }

  /// With the zero pivot the result is albumentations' `alpha * x + beta` with `alpha = 1 + contrast`.
  @Test func zeroPivotIsAlbumentationsFormula() throws {
    let image = ReferenceImages.rgb8()
    let parameters = BrightnessContrast.Parameters(brightness: -0.1, contrast: 0.3, pivot: .zero)
    let output = try BrightnessContrast().apply(parameters, to: image)
    for (sample, result) in zip(image.pixels, output.pixels) {
      #expect(abs(Double(result) - min(max(1.3 * Double(sample) - 0.1, 0), 1)) < 1e-6)
    }
  }

  @Test func rejectsOutOfRangeParametersWithTheirName() {
    let image = Image(width: 2, height: 2, layout: .gray, filledWith: 0.5)
    #expect(
      throws: ImageTransformError.parameterOutOfRange(
        transform: "brightness-contrast", name: "contrast", value: -2, expected: "-1.0...9.0")
    ) {
      try BrightnessContrast().apply(.init(brightness: 0, contrast: -2, pivot: .zero), to: image)
    }
    #expect(throws: ImageTransformError.self) {
      try BrightnessContrast().apply(.init(brightness: .nan, contrast: 0, pivot: .zero), to: image)
    }
  }
}
