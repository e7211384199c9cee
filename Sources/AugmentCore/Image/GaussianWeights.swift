import Foundation
import MediaIO

/// Sampled, normalised Gaussian kernels, OpenCV's fixed-point rounding of them, and the size rules
/// the references use.
public enum GaussianWeights {
  /// `exp(-x² / 2σ²)` at the integers `-radius...radius`, normalised to sum to one, with the
  /// arithmetic of OpenCV's `getGaussianKernelBitExact` (SciPy's `gaussian_filter1d` samples the
  /// same function; the two differ in the last bits at most). A `sigma` of zero is the limit: all
  /// weight on the centre tap.
  public static func sampled(sigma: Double, radius: Int) -> [Double] {
    guard sigma > 0 else { return (-radius...radius).map { $0 == 0 ? 1 : 0 } }
    // OpenCV steps x = 1 − n, 3 − n, … (twice the offset) and scales by −1/8σ².
    let scale = -0.125 / (sigma * sigma)
    let size = 2 * radius + 1
    let left = (0..<radius).map { i in
      let x = Double(1 - size + 2 * i)
      return exp(x * x * scale)
    }
    let reciprocal = 1 / (left.reduce(0, +) * 2 + 1)
    let half = left.map { $0 * reciprocal }
    return half + [reciprocal] + half.reversed()
  }

  /// The sampled kernel as OpenCV's `GaussianBlur` applies it to integer images: each tap a multiple
  /// of `2^-fractionBits` (8 for 8-bit images, 16 for 16-bit), rounded by `getGaussianKernelFixedPoint_ED`'s
  /// error diffusion along the left half (half to even), mirrored, with the centre tap taking what
  /// remains so the taps sum to exactly one. Without this an 8-bit blur differs from OpenCV's by up to
  /// two levels at hard edges.
  public static func openCVFixedPoint(sigma: Double, radius: Int, fractionBits: Int) -> [Float] {
    let one = 1 << fractionBits
    let exact = sampled(sigma: sigma, radius: radius)
    var error = 0.0
    var left: [Int] = []
    for weight in exact.prefix(radius) {
      let adjusted = weight * Double(one) + error
      let rounded = adjusted.rounded(.toNearestOrEven)
      error = adjusted - rounded
      left.append(Int(rounded))
    }
    let centre = one - 2 * left.reduce(0, +)
    return (left + [centre] + left.reversed()).map { Float($0) / Float(one) }
  }

  /// OpenCV's kernel size for `GaussianBlur` with `ksize = (0, 0)`, from `createGaussianKernels`:
  /// `cvRound(sigma * (depth == CV_8U ? 3 : 4) * 2 + 1) | 1`. An 8-bit image gets ±3σ, a 16-bit
  /// one ±4σ. `cvRound` rounds halves to even.
  public static func openCVSize(sigma: Double, bitDepth: Image.BitDepth) -> Int {
    let reach: Double = bitDepth == .eight ? 3 : 4
    return Int((sigma * reach * 2 + 1).rounded(.toNearestOrEven)) | 1
  }

  /// SciPy's radius for `gaussian_filter(sigma, truncate)`: `int(truncate * sigma + 0.5)`.
  public static func sciPyRadius(sigma: Double, truncate: Double) -> Int {
    Int(truncate * sigma + 0.5)
  }
}
