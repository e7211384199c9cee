import MediaIO
import Testing

@testable import AugmentCore

@Suite struct ImageRealismFeaturesTests {
  /// Expected values from `Reference/make-realism-reference.py` (NumPy, SciPy, scikit-image).
  struct Reference: Decodable {
    struct Measured: Decodable {
      let image: String
      let features: [Double]
    }
    let names: [String]
    let images: [Measured]
  }

  /// Every feature of every image the script measured agrees with it: percentiles to half a histogram
  /// bin (they are read from one), the rest to rounding.
  @Test func matchesNumPySciPyAndScikitImage() throws {
    let reference = try ReferenceData.load(Reference.self, "realism-reference.json")
    #expect(reference.names == ImageRealismFeatures.names)
    #expect(reference.images.count == 9)
    let halfBin = 0.5 / Double(ImageRealismFeatures.histogramBins)
    for expected in reference.images {
      let image =
        expected.image == "rgb8-noise"
        ? ReferenceImages.noise8(ReferenceImages.rgb8()) : try SkimageReference.image(named: expected.image)
      let measured = ImageRealismFeatures.measure(image)
      #expect(measured.count == ImageRealismFeatures.names.count)
      for (index, name) in ImageRealismFeatures.names.enumerated() {
        let tolerance = name.hasPrefix("luma_p") ? halfBin + 1e-12 : 1e-10 * max(1, abs(expected.features[index]))
        #expect(
          abs(measured[index] - expected.features[index]) <= tolerance,
          "\(expected.image) \(name): \(measured[index]) against \(expected.features[index])")
      }
    }
  }

  /// Immerkær's estimator recovers the standard deviation of Gaussian noise added to a smooth gray ramp
  /// within 3 %, and reads almost nothing on the ramp itself (its kernel cancels planes).
  @Test func noiseEstimateRecoversAddedNoise() throws {
    let ramp = Image(width: 256, height: 256, layout: .gray, filledWith: 0)
    var pixels = ramp.pixels
    for y in 0..<256 {
      for x in 0..<256 { pixels[y * 256 + x] = 0.2 + 0.6 * Float(x + y) / 510 }
    }
    let clean = Image(width: 256, height: 256, layout: .gray, bitDepth: .sixteen, pixels: pixels)
    let sigmaIndex = try #require(ImageRealismFeatures.names.firstIndex(of: "noise_sigma"))
    #expect(ImageRealismFeatures.measure(clean)[sigmaIndex] < 1e-4)
    for sigma in [0.005, 0.02] {
      let noisy = try SensorNoise().apply(.init(sigma: sigma, noiseSeed: 11), to: clean)
      let estimate = ImageRealismFeatures.measure(noisy)[sigmaIndex]
      #expect(abs(estimate / sigma - 1) < 0.03, "sigma \(sigma): estimated \(estimate)")
    }
  }

  /// One bright disc is a compact highlight of its area; the same number of highlight pixels spread as
  /// specks over the frame is not; a grid of the lit frame puts the light where the disc is.
  @Test func highlightsAndGridTellALobeFromSpecks() throws {
    let size = 64
    func image(_ lit: (Int, Int) -> Bool) -> (image: Image, litPixels: Int) {
      var pixels = [Float](repeating: 0.2, count: size * size)
      for y in 0..<size { for x in 0..<size where lit(x, y) { pixels[y * size + x] = 1 } }
      let image = Image(width: size, height: size, layout: .gray, bitDepth: .eight, pixels: pixels)
      return (image, pixels.filter { $0 == 1 }.count)
    }
    let (disc, discArea) = image { x, y in (x - 12) * (x - 12) + (y - 12) * (y - 12) <= 36 }
    let specks = image { x, y in (x * 7 + y * 13) % 37 == 0 }.image
    let names = ImageRealismFeatures.names
    let area = try #require(names.firstIndex(of: "highlight_area"))
    let compactness = try #require(names.firstIndex(of: "highlight_compactness"))
    let lobe = ImageRealismFeatures.measure(disc)
    #expect(lobe[area] == Double(discArea) / Double(size * size))
    #expect(lobe[compactness] > 0.9)
    #expect(ImageRealismFeatures.measure(specks)[compactness] < 0.2)
    let topLeft = try #require(names.firstIndex(of: "grid_r0c0"))
    let bottomRight = try #require(names.firstIndex(of: "grid_r3c3"))
    #expect(lobe[topLeft] > 2 && abs(lobe[bottomRight] - 0.2 / (0.2 + 0.8 * Double(discArea) / 4096)) < 1e-6)
  }
}
