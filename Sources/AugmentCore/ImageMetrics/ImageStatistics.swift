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
    (darkClippedFraction, brightClippedFraction) = Self.clippedFractions(image)
  }

  /// RMS contrast (standard deviation of luma) of the pixels inside `box`.
  public static func rmsContrast(of image: Image, in box: PixelBox) throws(ImageMetricError) -> Double {
    guard box.fits(imageWidth: image.width, imageHeight: image.height) else {
      throw .boxOutsideImage(box, width: image.width, height: image.height)
    }
    return LumaPlane(image).meanAndDeviation(in: box).deviation
  }

  private static func laplacianVariance(_ luma: LumaPlane) -> Double {
    let (width, height) = (luma.width, luma.height)
    var laplacian = [Double](repeating: 0, count: width * height)
    for y in 0..<height {
      let up = BorderMode.reflect101.sourceIndex(y - 1, count: height)
      let down = BorderMode.reflect101.sourceIndex(y + 1, count: height)
      for x in 0..<width {
        let left = BorderMode.reflect101.sourceIndex(x - 1, count: width)
        let right = BorderMode.reflect101.sourceIndex(x + 1, count: width)
        let neighbours = luma[x, up] + luma[x, down] + luma[left, y] + luma[right, y]
        laplacian[y * width + x] = (neighbours - 4 * luma[x, y]) * 255
      }
    }
    let mean = laplacian.reduce(0, +) / Double(laplacian.count)
    return laplacian.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(laplacian.count)
  }

  private static func clippedFractions(_ image: Image) -> (dark: Double, bright: Double) {
    let channels = image.channelCount
    let colors = image.layout.colorChannelCount
    let maxLevel = image.bitDepth.maxLevel
    var dark = 0
    var bright = 0
    image.pixels.withUnsafeBufferPointer { pixels in
      for p in 0..<(image.width * image.height) {
        var anyDark = false
        var anyBright = false
        for c in 0..<colors {
          let value = level(pixels[p * channels + c], maxLevel)
          anyDark = anyDark || value == 0
          anyBright = anyBright || value == maxLevel
        }
        if anyDark { dark += 1 }
        if anyBright { bright += 1 }
      }
    }
    let count = Double(image.width * image.height)
    return (Double(dark) / count, Double(bright) / count)
  }
}
