/// Windowed frames of a signal, gathered eight at a time into the lane-interleaved layout of ``FFTPlan``.
///
/// Frame `f` is `signal[f·hop ..< f·hop + window.count]`. Gathering transposes eight frames so that
/// element `n` of the output holds sample `n` of each, multiplied by `window[n]`; the transforms and
/// per-frame sums that follow then run on all eight frames with vector arithmetic.
public struct Framing: Sendable {
  public typealias Lanes = FFTPlan.Lanes

  /// The analysis window; its length is the frame length.
  public let window: [Float]
  /// Samples between the starts of consecutive frames.
  public let hop: Int

  public init(window: [Float], hop: Int) {
    precondition(!window.isEmpty && hop > 0, "a frame needs a window and a positive hop")
    self.window = window
    self.hop = hop
  }

  public var frameLength: Int { window.count }

  /// Writes frames `first ..< first + 8` of `signal`, windowed, to `output` (``frameLength`` elements).
  /// Lanes for frames at or beyond `frameCount` are zero, so a last partial group needs no special case.
  ///
  /// - Precondition: every frame below `frameCount` lies inside `signal`.
  public func gather(
    _ signal: UnsafeBufferPointer<Float>, first: Int, frameCount: Int, into output: UnsafeMutablePointer<Lanes>
  ) {
    let lanes = min(Lanes.scalarCount, frameCount - first)
    precondition(lanes > 0 && (first + lanes - 1) * hop + frameLength <= signal.count, "frame outside the signal")
    let base = signal.baseAddress! + first * hop
    window.withUnsafeBufferPointer { window in
      if lanes == Lanes.scalarCount {
        for n in 0..<window.count {
          let p = base + n
          let samples = Lanes(
            p[0], p[hop], p[2 * hop], p[3 * hop], p[4 * hop], p[5 * hop], p[6 * hop], p[7 * hop])
          output[n] = samples * window[n]
        }
      } else {
        for n in 0..<window.count {
          var samples = Lanes()
          for lane in 0..<lanes { samples[lane] = base[lane * hop + n] }
          output[n] = samples * window[n]
        }
      }
    }
  }
}
