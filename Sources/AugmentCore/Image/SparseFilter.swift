/// A 2-D kernel given as its non-zero taps, for kernels that are not separable (lines, disks).
///
/// Computes the correlation `out(x, y) = Σ w · in(x + dx, y + dy)` like OpenCV's `filter2D`. Away
/// from the left and right edges every tap reads its source row directly, a vector of samples at a
/// time, into a register accumulator; the few pixels within reach of an edge read through the
/// border rule.
struct SparseFilter: Sendable {
  struct Tap: Sendable, Equatable {
    var dx: Int
    var dy: Int
    var weight: Float
  }

  let taps: [Tap]
  let border: BorderMode
  /// The largest horizontal offset of any tap.
  let reach: Int

  init(taps: [Tap], border: BorderMode = .reflect101) {
    self.taps = taps
    self.border = border
    reach = taps.map { abs($0.dx) }.max() ?? 0
  }

  /// Filters rows `rows` of a `width` × `height` grid of pixels with `channels` interleaved samples
  /// each. `output` points at the first of those rows: row `y` goes to
  /// `output + (y − rows.lowerBound) · width · channels`.
  func apply(
    _ source: UnsafePointer<Float>, width: Int, height: Int, channels: Int,
    rows: Range<Int>, into output: UnsafeMutablePointer<Float>
  ) {
    let stride = width * channels
    let tapCount = taps.count
    // Per row, where each tap's source row starts; in the interior a tap reads at `i + offset`.
    let rowStarts = UnsafeMutablePointer<Int>.allocate(capacity: tapCount)
    defer { rowStarts.deallocate() }
    let offsets = UnsafeMutablePointer<Int>.allocate(capacity: tapCount)
    defer { offsets.deallocate() }
    let weights = UnsafeMutablePointer<Float>.allocate(capacity: tapCount)
    defer { weights.deallocate() }
    for (t, tap) in taps.enumerated() { weights[t] = tap.weight }
    let interior = reach * channels..<max(reach * channels, (width - reach) * channels)
    let edgePixels = Array(0..<min(reach, width)) + Array(max(reach, width - reach)..<width)
    let vectorWidth = FloatVector.scalarCount

    for y in rows {
      for (t, tap) in taps.enumerated() {
        rowStarts[t] = border.sourceIndex(y + tap.dy, count: height) * stride
        offsets[t] = rowStarts[t] + tap.dx * channels
      }
      let out = output + (y - rows.lowerBound) * stride
      var i = interior.lowerBound
      while i + vectorWidth <= interior.upperBound {
        var sum = FloatVector.zero
        for t in 0..<tapCount { sum += weights[t] * source.loadVector(at: i + offsets[t]) }
        out.storeVector(sum, at: i)
        i += vectorWidth
      }
      while i < interior.upperBound {
        var sum: Float = 0
        for t in 0..<tapCount { sum += weights[t] * source[i + offsets[t]] }
        out[i] = sum
        i += 1
      }
      for x in edgePixels {
        for c in 0..<channels {
          var sum: Float = 0
          for (t, tap) in taps.enumerated() {
            sum += weights[t] * source[rowStarts[t] + border.sourceIndex(x + tap.dx, count: width) * channels + c]
          }
          out[x * channels + c] = sum
        }
      }
    }
  }
}
