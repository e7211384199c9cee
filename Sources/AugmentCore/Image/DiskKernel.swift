import Foundation

extension SparseBlurKernel {
  /// A defocus kernel: a disk of `radius` pixels with an anti-aliased rim.
  ///
  /// A cell at distance `r` from the centre weighs `clamp(radius + ½ − r, 0, 1)`, the usual estimate
  /// of how much of the pixel the disk covers; weights are normalised to sum to one. A radius of zero
  /// leaves the image as it is.
  public static func disk(radius: Double) -> SparseBlurKernel {
    SparseBlurKernel(reach: Int((radius + 0.5).rounded(.up))) { dx, dy in
      min(max(radius + 0.5 - (dx * dx + dy * dy).squareRoot(), 0), 1)
    }
  }
}
