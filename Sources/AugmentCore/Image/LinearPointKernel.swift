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
  /// vector of a gray+alpha or RGBA row and one mask restores them. Gray and RGB rows, which have no
  /// alpha, skip the mask: the kernel streams the image once, and restoring lanes costs as much as
  /// the arithmetic.
  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    let channels = source.channelCount
    guard source.layout.hasAlpha else {
      transform(source, rows: rows, into: output) { result, _ in result }
      return
    }
    var alphaLanes = SIMDMask<FloatVector.MaskStorage>()
    for lane in 0..<FloatVector.scalarCount where lane % channels == channels - 1 {
      alphaLanes[lane] = true
    }
    transform(source, rows: rows, into: output) { $0.replacing(with: $1, where: alphaLanes) } alpha: {
      $0 % channels == channels - 1
    }
  }

  /// The loop over `rows`: `restore` puts back the lanes of a vector that must keep their input, and
  /// `isAlpha` tells the samples of the scalar tail that must.
  @inline(__always)
  private func transform(
    _ source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>,
    restore: (_ result: FloatVector, _ samples: FloatVector) -> FloatVector,
    alpha isAlpha: (Int) -> Bool = { _ in false }
  ) {
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
          out.storeVector(restore((samples * gain + offset).clampedToUnit, samples), at: i)
          i += vectorWidth
        }
        while i < end {
          out[i] = isAlpha(i) ? input[i] : self(input[i])
          i += 1
        }
      }
    }
  }
}
