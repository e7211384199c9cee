import MediaIO
import Testing

@testable import AugmentCore

@Suite struct ImageStatisticsTests {
  /// Mean luma, RMS contrast, variance of the Laplacian (`cv2.Laplacian(luma·255, CV_64F, ksize=1)`)
  /// and clipped fractions agree with the reference script (NumPy and OpenCV) on every image it measured.
  @Test func matchesNumPyAndOpenCV() throws {
    let reference = try SkimageReference.load()
    #expect(reference.statistics.count == 9)
    for expected in reference.statistics {
      let measured = ImageStatistics(of: try SkimageReference.image(named: expected.image))
      #expect(abs(measured.meanLuminance - expected.meanLuminance) < 2e-13, "\(expected.image)")
      #expect(abs(measured.rmsContrast - expected.rmsContrast) < 2e-14, "\(expected.image)")
      #expect(abs(measured.sharpness - expected.sharpness) / expected.sharpness < 2e-13, "\(expected.image)")
      #expect(measured.darkClippedFraction == expected.darkClippedFraction, "\(expected.image)")
      #expect(measured.brightClippedFraction == expected.brightClippedFraction, "\(expected.image)")
    }
  }

  @Test func boxContrastMatchesNumPy() throws {
    for expected in try SkimageReference.load().boxContrast {
      let image = try SkimageReference.image(named: expected.image)
      let measured = try ImageStatistics.rmsContrast(of: image, in: expected.box)
      #expect(abs(measured - expected.rmsContrast) < 1e-15)
    }
  }

  /// A box blur keeps part of the defect box's contrast; a flat source has none to keep.
  @Test func localContrastComparesTheSameBox() throws {
    let source = ReferenceImages.rgb8()
    let box = PixelBox(x: 8, y: 4, width: 24, height: 20)
    let contrast = try LocalContrast(candidate: ReferenceImages.box3(source), source: source, box: box)
    let expected = try SkimageReference.load().boxContrast.filter { $0.box == box }.map(\.rmsContrast)
    #expect(expected.count == 2)
    #expect(abs(try #require(contrast.retainedFraction) - expected[1] / expected[0]) < 5e-15)
    let flat = Image(width: 40, height: 30, layout: .rgb, filledWith: 0.3)
    #expect(try LocalContrast(candidate: source.cropTo(40, 30), source: flat, box: box).retainedFraction == nil)
  }

  /// On the shipped samples' defect boxes (from `samples/errors-images.csv`), the contrast kept after a
  /// Gaussian blur agrees with NumPy on `cv2.GaussianBlur`'s output (the two blurs can differ by one
  /// level at half-level ties, but do not inside these boxes).
  @Test func defectBoxContrastOnShippedSamplesMatchesOpenCV() throws {
    let boxes = try SkimageReference.load().sampleDefectBoxes
    #expect(boxes.count == 3)
    for expected in boxes {
      let source = try SkimageReference.image(named: expected.file)
      let blurred = try GaussianBlur().apply(.init(sigma: expected.sigma), to: source)
      let contrast = try LocalContrast(candidate: blurred, source: source, box: expected.source.box)
      #expect(abs(contrast.source - expected.source.rmsContrast) < 2e-16)
      #expect(abs(contrast.candidate - expected.blurred.rmsContrast) < 2e-16, "\(expected.file)")
      let retained = try #require(contrast.retainedFraction)
      #expect(abs(retained - expected.blurred.rmsContrast / expected.source.rmsContrast) < 2e-14)
    }
  }

  @Test func refusesBoxesOutsideTheImage() {
    let image = ReferenceImages.rgb8()
    for box in [
      PixelBox(x: 60, y: 0, width: 10, height: 10), PixelBox(x: -1, y: 0, width: 5, height: 5),
      PixelBox(x: 0, y: 0, width: 0, height: 5),
    ] {
      #expect(throws: ImageMetricError.boxOutsideImage(box, width: 64, height: 48)) {
        try ImageStatistics.rmsContrast(of: image, in: box)
      }
    }
  }

  /// Constant images: no contrast, no sharpness, and clipping counted only at the ends of the range.
  @Test func constantImagesHaveNoContrastOrEdges() {
    let mid = ImageStatistics(of: Image(width: 9, height: 7, layout: .rgb, bitDepth: .sixteen, filledWith: 0.5))
    #expect(abs(mid.meanLuminance - 32768.0 / 65535) < 1e-12)
    #expect(mid.rmsContrast < 1e-12 && mid.sharpness < 1e-12)
    #expect(mid.darkClippedFraction == 0 && mid.brightClippedFraction == 0)
    let black = ImageStatistics(of: Image(width: 9, height: 7, layout: .grayAlpha, filledWith: 0))
    #expect(black.darkClippedFraction == 1 && black.brightClippedFraction == 0)
  }
}

extension Image {
  fileprivate func cropTo(_ width: Int, _ height: Int) -> Image {
    ReferenceImages.crop(self, width: width, height: height)
  }
}
