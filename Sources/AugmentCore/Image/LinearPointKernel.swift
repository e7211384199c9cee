import MediaIO

/// `out = clamp(gain · x + offset, 0, 1)` on every colour sample; alpha copied.
public struct LinearPointKernel: ImageRowKernel {
  public let gain: Float
  public let offset: Float

  public init(gain: Float, offset: Float) {
    self.gain = gain
    self.offset = offset
  }

  /// The result for one colour sample.
  public func callAsFunction(_ sample: Float) -> Float { min(max(sample * gain + offset, 0), 1) }

  /// Transforms rows `rows` a vector at a time. Rows start on a pixel boundary and the vector width is a
  /// multiple of one, two and four channels, so the alpha lanes sit at the same positions in every
  /// vector of a gray+alpha or RGBA row (RGB has no alpha) and one mask restores them.
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
          let result = (samples * gain + offset).clampedToUnit
          out.storeVector(result.replacing(with: samples, where: alphaLanes), at: i)
          i += vectorWidth
        }
        while i < end {
          out[i] = hasAlpha && i % channels == channels - 1 ? input[i] : self(input[i])
          i += 1
        }
      }
    }
  }
}
