import Foundation

/// Analysis windows.
public enum Window {
  /// MATLAB's `hanning(count)`: the symmetric Hann window of `count + 2` points with its two zero
  /// end points dropped, `w[n] = ½ − ½ cos(2π(n + 1)/(count + 1))` (numpy: `np.hanning(count + 2)[1:-1]`).
  ///
  /// This is the window of the reference STOI implementation; unlike `np.hanning(count)` no sample is zero.
  public static func hanning(count: Int) -> [Float] {
    (0..<count).map { n in Float(0.5 - 0.5 * cos(2 * Double.pi * Double(n + 1) / Double(count + 1))) }
  }

  /// Writes `frame[n] · window[n]` to `output` for `n` in `0..<window.count`, eight samples at a time.
  ///
  /// - Precondition: `frame` and `output` hold at least `window.count` samples.
  public static func apply(
    _ window: UnsafeBufferPointer<Float>, to frame: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>
  ) {
    guard let base = window.baseAddress else { return }
    let count = window.count
    let window = UnsafeRawPointer(base)
    let frame = UnsafeRawPointer(frame), rawOutput = UnsafeMutableRawPointer(output)
    let stride = MemoryLayout<Float>.stride
    var n = 0
    while n + 8 <= count {
      let product =
        frame.loadUnaligned(fromByteOffset: n * stride, as: SIMD8<Float>.self)
        * window.loadUnaligned(fromByteOffset: n * stride, as: SIMD8<Float>.self)
      rawOutput.storeBytes(of: product, toByteOffset: n * stride, as: SIMD8<Float>.self)
      n += 8
    }
    while n < count {
      output[n] = frame.load(fromByteOffset: n * stride, as: Float.self) * window.load(fromByteOffset: n * stride, as: Float.self)
      n += 1
    }
  }
}
