/// A decoded noise clip with what mixing needs to know about any stretch of it without reading the
/// stretch: the clip's peak, and running sums of its squares from which the energy of a stretch comes
/// in constant time.
public struct NoiseClip: Sendable {
  /// The clip's samples, mono.
  public let samples: [Float]
  /// The largest |x| in the clip, so at least the peak of any stretch of it.
  public let peak: Float
  /// `Σx²` over the samples before every ``stride``-th one: `runningSquares[k]` covers `0 ..< k·stride`.
  private let runningSquares: [Double]

  /// Samples between running sums: a stretch's energy sums at most twice this many samples directly.
  static let stride = 256

  public init(samples: [Float]) {
    self.samples = samples
    peak = SignalMath.peak(samples)
    var running = [0.0]
    running.reserveCapacity(samples.count / Self.stride + 1)
    samples.withUnsafeBufferPointer { buffer in
      for start in Swift.stride(from: 0, to: buffer.count - Self.stride + 1, by: Self.stride) {
        running.append(running.last! + SignalMath.sumOfSquares(UnsafeBufferPointer(rebasing: buffer[start..<(start + Self.stride)])))
      }
    }
    runningSquares = running
  }

  /// Bytes held: the samples and the running sums.
  public var bytes: Int {
    samples.count * MemoryLayout<Float>.stride + runningSquares.count * MemoryLayout<Double>.stride
  }

  /// `Σx²` over `samples[range]`: the whole strides inside it from the running sums, the ends directly.
  ///
  /// Agrees with ``SignalMath/sumOfSquares(_:)`` over the stretch to its own rounding (about 1e-7
  /// relative: each stride is summed in float lanes, as there), not bit for bit.
  public func sumOfSquares(in range: Range<Int>) -> Double {
    precondition(range.lowerBound >= 0 && range.upperBound <= samples.count, "the stretch must lie in the clip")
    let first = (range.lowerBound + Self.stride - 1) / Self.stride, last = range.upperBound / Self.stride
    return samples.withUnsafeBufferPointer { buffer in
      func direct(_ part: Range<Int>) -> Double { SignalMath.sumOfSquares(UnsafeBufferPointer(rebasing: buffer[part])) }
      guard first < last else { return direct(range) }
      return direct(range.lowerBound..<(first * Self.stride)) + (runningSquares[last] - runningSquares[first])
        + direct((last * Self.stride)..<range.upperBound)
    }
  }

  /// The mean of x² over `samples[range]` (0 for an empty stretch).
  public func meanSquare(in range: Range<Int>) -> Double {
    range.isEmpty ? 0 : sumOfSquares(in: range) / Double(range.count)
  }
}
