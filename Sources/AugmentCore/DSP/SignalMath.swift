import MediaIO

/// Vectorised loops over whole signals: energy, peak, gain, mixing and down-mixing.
///
/// Each loop walks 16 floats at a time with `SIMD16<Float>` and finishes the tail one sample at a time.
/// Sums run in float lanes over chunks of ``chunkLength`` samples and are carried across chunks in
/// `Double`, which keeps the relative rounding error near 1e-6 however long the signal is, while the
/// summation order stays fixed, so results are bit-identical on every run and thread.
public enum SignalMath {
  /// Samples summed in float lanes before the partial sum is carried into a `Double`.
  static let chunkLength = 1024

  /// Σ x² over `samples`.
  public static func sumOfSquares(_ samples: UnsafeBufferPointer<Float>) -> Double {
    guard let base = samples.baseAddress else { return 0 }
    let count = samples.count
    var total = 0.0
    var index = 0
    while index < count {
      let chunkEnd = min(index + chunkLength, count)
      var lanes = SIMD16<Float>()
      while index + 16 <= chunkEnd {
        let v = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<Float>.self)
        lanes += v * v
        index += 16
      }
      var partial = Double(lanes.sum())
      while index < chunkEnd {
        partial += Double(base[index] * base[index])
        index += 1
      }
      total += partial
    }
    return total
  }

  /// The mean of x² (0 for an empty signal).
  public static func meanSquare(_ samples: [Float]) -> Double {
    samples.withUnsafeBufferPointer { meanSquare($0) }
  }

  /// The mean of x² (0 for an empty signal).
  public static func meanSquare(_ samples: UnsafeBufferPointer<Float>) -> Double {
    samples.isEmpty ? 0 : sumOfSquares(samples) / Double(samples.count)
  }

  /// The largest |x| (0 for an empty signal).
  public static func peak(_ samples: [Float]) -> Float {
    samples.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      var extremes = Extremes()
      var index = 0
      while index + 16 <= buffer.count {
        extremes.include(UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<Float>.self))
        index += 16
      }
      var result = extremes.magnitude
      while index < buffer.count {
        result = max(result, abs(base[index]))
        index += 1
      }
      return result
    }
  }

  /// The largest |x| over all channels.
  public static func peak(_ buffer: AudioBuffer) -> Float {
    buffer.channels.reduce(0) { max($0, peak($1)) }
  }

  /// Multiplies every sample by `gain` in place.
  public static func scale(_ samples: inout [Float], by gain: Float) {
    samples.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let g = SIMD16<Float>(repeating: gain)
      var index = 0
      while index + 16 <= buffer.count {
        let raw = UnsafeMutableRawPointer(base + index)
        raw.storeBytes(of: raw.loadUnaligned(as: SIMD16<Float>.self) * g, as: SIMD16<Float>.self)
        index += 16
      }
      while index < buffer.count {
        base[index] *= gain
        index += 1
      }
    }
  }

  /// `signal = outputGain × (signal + addedGain × added)`, sample by sample, in place; both the same
  /// length.
  ///
  /// The expression is evaluated in this order everywhere (see ``peakOfMix(_:_:addedGain:)``) so the
  /// peak measured before mixing is exactly the peak of the mix.
  public static func mix(
    into signal: inout [Float], _ added: UnsafeBufferPointer<Float>, addedGain: Float, outputGain: Float
  ) {
    precondition(signal.count == added.count, "mixed signals must have the same length")
    let count = signal.count
    signal.withUnsafeMutableBufferPointer { s in
      guard let sBase = s.baseAddress, let nBase = added.baseAddress else { return }
      let g = SIMD16<Float>(repeating: addedGain), m = SIMD16<Float>(repeating: outputGain)
      var index = 0
      while index + 16 <= count {
        let raw = UnsafeMutableRawPointer(sBase + index)
        let sv = raw.loadUnaligned(as: SIMD16<Float>.self)
        let nv = UnsafeRawPointer(nBase + index).loadUnaligned(as: SIMD16<Float>.self)
        raw.storeBytes(of: m * (sv + g * nv), as: SIMD16<Float>.self)
        index += 16
      }
      while index < count {
        sBase[index] = outputGain * (sBase[index] + addedGain * nBase[index])
        index += 1
      }
    }
  }

  /// The largest |signal + addedGain × added|, without building the mix.
  public static func peakOfMix(_ signal: [Float], _ added: UnsafeBufferPointer<Float>, addedGain: Float) -> Float {
    precondition(signal.count == added.count, "mixed signals must have the same length")
    return signal.withUnsafeBufferPointer { s in
      guard let sBase = s.baseAddress, let nBase = added.baseAddress else { return 0 }
      let g = SIMD16<Float>(repeating: addedGain)
      var extremes = Extremes()
      var index = 0
      while index + 16 <= s.count {
        let sv = UnsafeRawPointer(sBase + index).loadUnaligned(as: SIMD16<Float>.self)
        let nv = UnsafeRawPointer(nBase + index).loadUnaligned(as: SIMD16<Float>.self)
        extremes.include(sv + g * nv)
        index += 16
      }
      var result = extremes.magnitude
      while index < s.count {
        result = max(result, abs(sBase[index] + addedGain * nBase[index]))
        index += 1
      }
      return result
    }
  }

  /// The average of the channels, sample by sample (a single channel is returned as it is).
  public static func average(of channels: [[Float]]) -> [Float] {
    precondition(!channels.isEmpty, "nothing to average")
    if channels.count == 1 { return channels[0] }
    var sum = channels[0]
    for channel in channels.dropFirst() {
      precondition(channel.count == sum.count, "channels must have the same length")
      sum.withUnsafeMutableBufferPointer { total in
        channel.withUnsafeBufferPointer { c in
          guard let tBase = total.baseAddress, let cBase = c.baseAddress else { return }
          var index = 0
          while index + 16 <= c.count {
            let raw = UnsafeMutableRawPointer(tBase + index)
            let v = raw.loadUnaligned(as: SIMD16<Float>.self) + UnsafeRawPointer(cBase + index).loadUnaligned(as: SIMD16<Float>.self)
            raw.storeBytes(of: v, as: SIMD16<Float>.self)
            index += 16
          }
          while index < c.count {
            tBase[index] += cBase[index]
            index += 1
          }
        }
      }
    }
    scale(&sum, by: 1 / Float(channels.count))
    return sum
  }

  /// Running lane-wise maximum and minimum.
  ///
  /// Kept with compare-and-select rather than `pointwiseMax`/`abs`, which the standard library
  /// implements lane by lane with NaN handling and which do not become vector instructions.
  private struct Extremes {
    var highest = SIMD16<Float>(), lowest = SIMD16<Float>()

    mutating func include(_ v: SIMD16<Float>) {
      highest.replace(with: v, where: v .> highest)
      lowest.replace(with: v, where: v .< lowest)
    }

    var magnitude: Float { max(highest.max(), -lowest.min()) }
  }
}
