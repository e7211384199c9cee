import MediaIO

/// A Gaussian blur by `sigma` with OpenCV's kernel size and border, as `cv2.GaussianBlur(image,
/// (0, 0), sigma)` computes it; alpha untouched.
///
/// The kernel is OpenCV's: the size from ``GaussianWeights/openCVSize(sigma:bitDepth:)`` (±3σ for
/// 8-bit images, ±4σ for 16-bit) and the taps from
/// ``GaussianWeights/openCVFixedPoint(sigma:radius:fractionBits:)`` (multiples of 1/256 for 8-bit,
/// 1/65536 for 16-bit), run as two separable passes with the border mirrored as
/// `BORDER_REFLECT_101`. OpenCV sums those taps in integers; this sums them in `Float`, so the two
/// agree to within one level after rounding (they differ only where OpenCV's sum falls within
/// rounding error of half a level).
public struct GaussianBlurKernel: ImageRowKernel {
  public let sigma: Double
  /// The odd kernel width in pixels (`2 · radius + 1`); the 2-D kernel is `size × size`.
  public let size: Int
  let filter: SeparableFilter

  public init(sigma: Double, bitDepth: Image.BitDepth) {
    self.sigma = sigma
    size = GaussianWeights.openCVSize(sigma: sigma, bitDepth: bitDepth)
    let weights = GaussianWeights.openCVFixedPoint(
      sigma: sigma, radius: size / 2, fractionBits: bitDepth == .eight ? 8 : 16)
    filter = SeparableFilter(weights: weights, border: .reflect101)
  }

  /// The 1-D weights, centre at index `size / 2`.
  public var weights: [Float] { filter.weights }

  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    source.pixels.withUnsafeBufferPointer { pixels in
      filter.apply(
        pixels.baseAddress!, width: source.width, height: source.height, channels: source.channelCount,
        rows: rows, into: output.baseAddress! + rows.lowerBound * source.rowStride)
    }
    source.saturateColor(rows: rows, of: output.baseAddress!)
  }
}
