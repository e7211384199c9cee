/// A symmetric 1-D kernel run down the columns, then along the rows, of interleaved samples.
///
/// Each output row takes one vertical pass (the `2r + 1` source rows it needs, combined in pairs
/// because the kernel is symmetric) into a scratch row padded by the border rule, then one
/// horizontal pass from that scratch row, both a vector of samples at a time. Rows are independent, so
/// any split of rows over cores gives the same result.
struct SeparableFilter: Sendable {
  /// Odd-length symmetric weights; `weights[radius]` is the centre tap.
  let weights: [Float]
  let border: BorderMode

  var radius: Int { weights.count / 2 }

  /// Filters rows `rows` of a `width` × `height` grid of pixels with `channels` interleaved samples
  /// each, reading all of `source` as needed. `output` points at the first of those rows: row `y` goes
  /// to `output + (y − rows.lowerBound) · width · channels`.
  func apply(
    _ source: UnsafePointer<Float>, width: Int, height: Int, channels: Int,
    rows: Range<Int>, into output: UnsafeMutablePointer<Float>
  ) {
    let radius = self.radius
    let stride = width * channels
    let pad = radius * channels
    let scratch = UnsafeMutablePointer<Float>.allocate(capacity: stride + 2 * pad)
    defer { scratch.deallocate() }
    let rowPointers = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: 2 * radius + 1)
    defer { rowPointers.deallocate() }
    let leftSources = (0..<radius).map { border.sourceIndex($0 - radius, count: width) * channels }
    let rightSources = (0..<radius).map { border.sourceIndex(width + $0, count: width) * channels }
    let centre = scratch + pad

    weights.withUnsafeBufferPointer { weights in
      let taps = weights.baseAddress! + radius
      for y in rows {
        for k in -radius...radius {
          rowPointers[k + radius] = source + border.sourceIndex(y + k, count: height) * stride
        }
        Self.verticalPass(rowPointers + radius, taps: taps, radius: radius, count: stride, into: centre)
        for p in 0..<radius {
          (scratch + p * channels).update(from: centre + leftSources[p], count: channels)
          (centre + stride + p * channels).update(from: centre + rightSources[p], count: channels)
        }
        let out = output + (y - rows.lowerBound) * stride
        Self.horizontalPass(centre, step: channels, taps: taps, radius: radius, count: stride, into: out)
      }
    }
  }

  /// `output[i] = Σₖ w[k] · row[k][i]` for the rows `rows[-r...r]` around the centre.
  private static func verticalPass(
    _ rows: UnsafeMutablePointer<UnsafePointer<Float>>, taps: UnsafePointer<Float>, radius: Int, count: Int,
    into output: UnsafeMutablePointer<Float>
  ) {
    let width = FloatVector.scalarCount
    var i = 0
    while i + width <= count {
      var sum = taps[0] * rows[0].loadVector(at: i)
      for k in 1..<(radius + 1) {
        sum += taps[k] * (rows[-k].loadVector(at: i) + rows[k].loadVector(at: i))
      }
      output.storeVector(sum, at: i)
      i += width
    }
    while i < count {
      var sum = taps[0] * rows[0][i]
      for k in 1..<(radius + 1) { sum += taps[k] * (rows[-k][i] + rows[k][i]) }
      output[i] = sum
      i += 1
    }
  }

  /// `output[i] = Σₖ w[k] · row[i + k · step]` over a row already padded on both sides.
  private static func horizontalPass(
    _ row: UnsafeMutablePointer<Float>, step: Int, taps: UnsafePointer<Float>, radius: Int, count: Int,
    into output: UnsafeMutablePointer<Float>
  ) {
    let width = FloatVector.scalarCount
    var i = 0
    while i + width <= count {
      var sum = taps[0] * row.loadVector(at: i)
      for k in 1..<(radius + 1) {
        sum += taps[k] * (row.loadVector(at: i - k * step) + row.loadVector(at: i + k * step))
      }
      output.storeVector(sum, at: i)
      i += width
    }
    while i < count {
      var sum = taps[0] * row[i]
      for k in 1..<(radius + 1) { sum += taps[k] * (row[i - k * step] + row[i + k * step]) }
      output[i] = sum
      i += 1
    }
  }
}
