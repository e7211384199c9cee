import MediaIO

extension Image {
  /// Clamps rows `rows` of `output` to `0...1` and copies this image's alpha into them, so a filter
  /// that ran over every channel leaves alpha exactly as it was and never leaves the valid range.
  func saturateColor(rows: Range<Int>, of output: UnsafeMutablePointer<Float>) {
    let stride = rowStride
    let start = rows.lowerBound * stride
    let end = rows.upperBound * stride
    let vectorWidth = FloatVector.scalarCount
    var i = start
    while i + vectorWidth <= end {
      output.storeVector(output.loadVector(at: i).clampedToUnit, at: i)
      i += vectorWidth
    }
    while i < end {
      output[i] = min(max(output[i], 0), 1)
      i += 1
    }
    guard layout.hasAlpha else { return }
    let channels = channelCount
    pixels.withUnsafeBufferPointer { source in
      for alpha in Swift.stride(from: start + channels - 1, to: end, by: channels) { output[alpha] = source[alpha] }
    }
  }
}
