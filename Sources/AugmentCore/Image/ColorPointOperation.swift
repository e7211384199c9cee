import MediaIO

/// A function of one colour sample, run over every colour sample of an image with alpha copied.
protocol ColorPointOperation: ImageRowKernel {
  func transform(_ samples: FloatVector) -> FloatVector
  func transform(_ sample: Float) -> Float
}

extension ColorPointOperation {
  /// Transforms rows `rows` eight samples at a time. Rows start on a pixel boundary and eight is a
  /// multiple of one, two and four channels, so the alpha lanes sit at the same positions in every
  /// vector of a gray+alpha or RGBA row; RGB has no alpha. Results are clamped to `0...1`.
  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    let channels = source.channelCount
    let hasAlpha = source.layout.hasAlpha
    var alphaLanes = SIMDMask<FloatVector.MaskStorage>()
    for lane in 0..<FloatVector.scalarCount where hasAlpha && lane % channels == channels - 1 {
      alphaLanes[lane] = true
    }
    let stride = source.rowStride
    let vectorWidth = FloatVector.scalarCount
    source.pixels.withUnsafeBufferPointer { pixels in
      let input = pixels.baseAddress!
      let out = output.baseAddress!
      for y in rows {
        let end = (y + 1) * stride
        var i = y * stride
        while i + vectorWidth <= end {
          let samples = input.loadVector(at: i)
          let result = transform(samples).clamped(lowerBound: .zero, upperBound: .one)
          out.storeVector(result.replacing(with: samples, where: alphaLanes), at: i)
          i += vectorWidth
        }
        while i < end {
          let isAlpha = hasAlpha && i % channels == channels - 1
          out[i] = isAlpha ? input[i] : min(max(transform(input[i]), 0), 1)
          i += 1
        }
      }
    }
  }
}
