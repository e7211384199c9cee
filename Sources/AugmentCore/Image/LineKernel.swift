import Foundation

extension SparseBlurKernel {
  /// A motion-blur kernel: an anti-aliased straight segment of `length` pixels through the centre.
  ///
  /// `angle` is in degrees, counter-clockwise from the +x axis as the image is viewed (rows run
  /// downwards), so 0° smears horizontally and 90° vertically. A cell at offset `(dx, dy)` lies at
  /// distance `t` along the segment and `d` across it; its weight is
  /// `clamp(length / 2 + ½ − |t|, 0, 1) · max(0, 1 − d)`: a pen one pixel wide with a linear
  /// (tent) edge across, and ends that cover fractional lengths. A horizontal or vertical line is
  /// therefore exactly one row or column, and a 45° line spreads only to the cells the segment
  /// passes within one pixel of. Weights are normalised to sum to one.
  public static func line(length: Double, angle: Double) -> SparseBlurKernel {
    let radians = angle * .pi / 180
    let (along, across) = (SIMD2(cos(radians), -sin(radians)), SIMD2(sin(radians), cos(radians)))
    let halfLength = length / 2
    return SparseBlurKernel(reach: Int((halfLength + 1.5).rounded(.up))) { dx, dy in
      let offset = SIMD2(dx, dy)
      let t = (offset * along).sum()
      let d = abs((offset * across).sum())
      let cover = min(max(halfLength + 0.5 - abs(t), 0), 1) * max(0, 1 - d)
      // cos 90° is 6e-17, not 0, which would leave weights of that size beside a vertical line.
      return cover > 1e-12 ? cover : 0
    }
  }
}
