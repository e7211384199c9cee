import Foundation

/// Sample-rate conversion by a rational factor `L/M` with a linear-phase polyphase FIR low-pass.
///
/// This is the method of `scipy.signal.resample_poly` (which pystoi's `resample_oct` uses): conceptually
/// the signal is zero-stuffed by `L`, low-pass filtered by a Kaiser-windowed sinc, and every `M`-th
/// sample kept; the polyphase form evaluates only the taps that meet non-zero input. Edges count as zeros
/// and the filter is centred, so there is no delay and the output has `ceil(n·L/M)` samples.
///
/// The low-pass is specified by its transition band relative to the lower of the two Nyquist
/// frequencies, and its stop-band attenuation, which set the Kaiser window's length and shape
/// (Kaiser's formulas, as in `scipy.signal.kaiserord`). The plan (the per-phase taps) depends only on
/// the rates and the filter, so building it once serves every clip; it is immutable and thread-safe.
public struct PolyphaseResampler: Sendable {
  public let sourceRate: Int
  public let targetRate: Int
  /// Interpolation factor `L` and decimation factor `M`, `targetRate / sourceRate` in lowest terms.
  let up: Int, down: Int
  /// Half the filter length at the interpolated rate: the filter has `2·half + 1` taps, centred on `half`.
  let half: Int
  /// Taps per phase, rounded up to a multiple of eight with zeros.
  let tapsPerPhase: Int
  /// Phase `p`'s taps, reversed so that output samples are forward dot products:
  /// `coefficients[p·tapsPerPhase + s] = L·h[p + L·(tapsPerPhase − 1 − s)]` (zero beyond the filter).
  let coefficients: [Float]

  /// Creates the plan for converting `sourceRate` to `targetRate`.
  ///
  /// - Parameters:
  ///   - transitionBand: where the filter's response falls from pass to stop, in multiples of the lower
  ///     Nyquist frequency `min(sourceRate, targetRate)/2`; e.g. `0.85...1.15`.
  ///   - attenuation: the stop-band attenuation in dB (also the pass-band ripple, `10^{−A/20}`).
  /// - Precondition: positive rates, a transition band within `0...2`, attenuation above 21 dB.
  public init(from sourceRate: Int, to targetRate: Int, transitionBand: ClosedRange<Double>, attenuation: Double) {
    precondition(sourceRate > 0 && targetRate > 0, "sample rates must be positive")
    precondition(transitionBand.lowerBound > 0 && transitionBand.upperBound < 2, "transition band outside 0…2")
    precondition(transitionBand.lowerBound < transitionBand.upperBound && attenuation > 21, "invalid filter")
    self.sourceRate = sourceRate
    self.targetRate = targetRate
    let divisor = Self.greatestCommonDivisor(sourceRate, targetRate)
    up = targetRate / divisor
    down = sourceRate / divisor
    // Frequencies as fractions of the interpolated rate, sourceRate·L.
    let nyquist = 0.5 / Double(max(up, down))
    let cutoff = nyquist * (transitionBand.lowerBound + transitionBand.upperBound) / 2
    let width = nyquist * (transitionBand.upperBound - transitionBand.lowerBound)
    let length = ((attenuation - 7.95) / (2.285 * 2 * Double.pi * width)).rounded(.up)
    let half = Int((length / 2).rounded(.up))
    self.half = half
    let beta =
      attenuation > 50
      ? 0.1102 * (attenuation - 8.7)
      : 0.5842 * pow(attenuation - 21, 0.4) + 0.07886 * (attenuation - 21)
    let taps = (0...2 * half).map { k -> Double in
      let t = Double(k - half)
      let sinc = t == 0 ? 1 : sin(2 * Double.pi * cutoff * t) / (2 * Double.pi * cutoff * t)
      let position = t / Double(half)
      return 2 * cutoff * sinc * Self.besselI0(beta * (1 - position * position).squareRoot())
    }
    let up = up
    let gain = Double(up) / taps.reduce(0, +)
    let perPhase = (taps.count + up - 1) / up
    let tapsPerPhase = (perPhase + 7) / 8 * 8
    self.tapsPerPhase = tapsPerPhase
    var coefficients = [Float](repeating: 0, count: up * tapsPerPhase)
    for phase in 0..<up {
      for s in 0..<tapsPerPhase {
        let tap = phase + up * (tapsPerPhase - 1 - s)
        if tap < taps.count { coefficients[phase * tapsPerPhase + s] = Float(taps[tap] * gain) }
      }
    }
    self.coefficients = coefficients
  }

  /// The number of output samples for `count` input samples, `ceil(count·L/M)`.
  public func outputCount(for count: Int) -> Int {
    (count * up + down - 1) / down
  }

  /// `signal` converted to ``targetRate``.
  public func resample(_ signal: [Float]) -> [Float] {
    let outputs = outputCount(for: signal.count)
    guard outputs > 0 else { return [] }
    // Output m reads padded[base(m) ..< base(m) + tapsPerPhase], padded[j] = signal[j − lead].
    let lead = tapsPerPhase - 1
    let lastBase = ((outputs - 1) * down + half) / up
    var padded = [Float](repeating: 0, count: max(lead + signal.count, lastBase + tapsPerPhase))
    padded.withUnsafeMutableBufferPointer { padded in
      signal.withUnsafeBufferPointer { signal in
        (padded.baseAddress! + lead).update(from: signal.baseAddress!, count: signal.count)
      }
    }
    return [Float](unsafeUninitializedCapacity: outputs) { output, initialized in
      padded.withUnsafeBufferPointer { padded in
        coefficients.withUnsafeBufferPointer { coefficients in
          let input = UnsafeRawPointer(padded.baseAddress!)
          let taps = UnsafeRawPointer(coefficients.baseAddress!)
          let stride = MemoryLayout<Float>.stride
          // Output m sits at m·M + half on the interpolated grid: phase (m·M + half) mod L, base (m·M + half) div L,
          // both advanced incrementally rather than divided out per sample.
          var phase = half % up, base = half / up
          let baseStep = down / up, phaseStep = down % up
          for m in 0..<outputs {
            let phaseTaps = taps + phase * tapsPerPhase * stride, samples = input + base * stride
            var sum = SIMD8<Float>()
            for s in Swift.stride(from: 0, to: tapsPerPhase * stride, by: 8 * stride) {
              sum +=
                phaseTaps.loadUnaligned(fromByteOffset: s, as: SIMD8<Float>.self)
                * samples.loadUnaligned(fromByteOffset: s, as: SIMD8<Float>.self)
            }
            output[m] = sum.sum()
            base += baseStep
            phase += phaseStep
            if phase >= up {
              phase -= up
              base += 1
            }
          }
        }
      }
      initialized = outputs
    }
  }

  /// The modified Bessel function of the first kind, order zero, by its power series `Σ ((x/2)^k / k!)²`.
  static func besselI0(_ x: Double) -> Double {
    var sum = 1.0, term = 1.0, k = 1.0
    while term > 1e-17 * sum {
      term *= (x / (2 * k)) * (x / (2 * k))
      sum += term
      k += 1
    }
    return sum
  }

  private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
  }
}
