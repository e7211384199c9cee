import MediaIO

/// A normalised blur whose 2-D kernel is not separable (a line, a disk), over every colour channel
/// with the border mirrored as OpenCV's `BORDER_REFLECT_101`; alpha untouched.
public struct SparseBlurKernel: ImageRowKernel {
  let filter: SparseFilter

  /// Samples `coverage(dx, dy)` on the square `-reach...reach`, keeps the non-zero taps and divides
  /// them by their sum, so a flat image stays flat.
  init(reach: Int, coverage: (Double, Double) -> Double) {
    var weighted: [(dx: Int, dy: Int, weight: Double)] = []
    for dy in -reach...reach {
      for dx in -reach...reach {
        let weight = coverage(Double(dx), Double(dy))
        if weight > 0 { weighted.append((dx, dy, weight)) }
      }
    }
    let total = weighted.reduce(0) { $0 + $1.weight }
    filter = SparseFilter(
      taps: weighted.map { SparseFilter.Tap(dx: $0.dx, dy: $0.dy, weight: Float($0.weight / total)) })
  }

  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    source.pixels.withUnsafeBufferPointer { pixels in
      filter.apply(
        pixels.baseAddress!, width: source.width, height: source.height, channels: source.channelCount,
        rows: rows, into: output.baseAddress! + rows.lowerBound * source.rowStride)
    }
    source.saturateColor(rows: rows, of: output.baseAddress!)
  }
}
