import MediaIO

/// The measurements the realism gate compares with real members of a slice.
///
/// All are taken on the integer levels the image would be written with (see ``LumaPlane``), so they
/// describe the file a candidate becomes.
public struct ImageStatistics: Sendable, Codable, Equatable {
  /// Mean Rec. 709 luma, `0...1`.
  public var meanLuminance: Double
  /// RMS contrast: the population standard deviation of luma, `0...0.5`.
  public var rmsContrast: Double
  /// Variance of the Laplacian of luma on a 0–255 scale (whatever the bit depth), as
  /// `cv2.Laplacian(luma * 255, cv2.CV_64F, ksize=1).var()`: the 3 × 3 kernel
  /// `[0 1 0; 1 −4 1; 0 1 0]` with the border mirrored as `BORDER_REFLECT_101`. Low values mean
  /// blurry; the common rule of thumb for 8-bit photographs puts "blurry" below about 100.
  public var sharpness: Double
  /// Fraction of pixels with some colour channel at level 0.
  public var darkClippedFraction: Double
  /// Fraction of pixels with some colour channel at the largest level (255 or 65535).
  public var brightClippedFraction: Double

  public init(of image: Image) {
    let luma = LumaPlane(image)
    (meanLuminance, rmsContrast) = luma.meanAndDeviation(in: luma.wholeImage)
    sharpness = Self.laplacianVariance(luma)
    let clipped = ClippedPixels(of: image)
    darkClippedFraction = clipped.darkFraction
    brightClippedFraction = clipped.brightFraction
  }

  /// RMS contrast (standard deviation of luma) of the pixels inside `box`.
  public static func rmsContrast(of image: Image, in box: PixelBox) throws(ImageMetricError) -> Double {
    try luma(of: image, in: box).deviation
  }

  /// Mean and standard deviation of luma (`0...1`) of the pixels inside `box`.
  public static func luma(of image: Image, in box: PixelBox) throws(ImageMetricError) -> (mean: Double, deviation: Double) {
    guard box.fits(imageWidth: image.width, imageHeight: image.height) else {
      throw .boxOutsideImage(box, width: image.width, height: image.height)
    }
    let plane = LumaPlane(image, in: box)
    return plane.meanAndDeviation(in: plane.wholeImage)
  }

  /// The variance of the Laplacian of `luma`, as ``sharpness`` documents it.
  static func laplacianVariance(_ luma: LumaPlane) -> Double {
    let (width, height) = (luma.width, luma.height)
    let laplacian = [Double](unsafeUninitializedCapacity: width * height) { output, initialized in
      luma.values.withUnsafeBufferPointer { y in
        func mirrored(_ x: Int, _ row: Int) -> Double {
          y[BorderMode.reflect101.sourceIndex(row, count: height) * width
            + BorderMode.reflect101.sourceIndex(x, count: width)]
        }
        for row in 0..<height {
          let interiorRow = row > 0 && row < height - 1
          for x in 0..<width {
            let i = row * width + x
            let neighbours =
              interiorRow && x > 0 && x < width - 1
              ? y[i - width] + y[i + width] + y[i - 1] + y[i + 1]
              : mirrored(x, row - 1) + mirrored(x, row + 1) + mirrored(x - 1, row) + mirrored(x + 1, row)
            output[i] = (neighbours - 4 * y[i]) * 255
          }
        }
      }
      initialized = width * height
    }
    let mean = laplacian.reduce(0, +) / Double(laplacian.count)
    return laplacian.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(laplacian.count)
  }
}
