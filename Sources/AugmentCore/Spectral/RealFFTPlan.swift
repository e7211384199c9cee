import Foundation

/// The DFT of eight real signals of power-of-two length `N`, through one complex transform of length `N/2`.
///
/// The even samples go into the real part and the odd samples into the imaginary part of a half-length
/// complex signal `z`; after transforming it, `Z[k]` and `Z[N/2 − k]` untangle into the spectra of the
/// even and odd samples, which combine into `X[k] = E[k] + e^{-2πik/N} O[k]`. That halves the work of
/// a full complex transform and needs no scratch memory beyond the output. Signals are lane-interleaved
/// as in ``FFTPlan``.
public struct RealFFTPlan: Sendable {
  public typealias Lanes = FFTPlan.Lanes

  /// The transform length `N` in real samples, a power of two ≥ 4.
  public let count: Int
  /// The number of distinct output bins, `N/2 + 1` (DC to Nyquist).
  public var binCount: Int { count / 2 + 1 }
  private let halfPlan: FFTPlan
  /// `e^{-2πik/N}` for `k` in `0...N/4`, used to combine the even- and odd-sample spectra.
  private let twiddleReal: [Float]
  private let twiddleImaginary: [Float]

  /// Creates a plan for real signals of length `count`.
  ///
  /// - Precondition: `count` is a power of two, at least 4.
  public init(count: Int) {
    precondition(count >= 4 && count & (count - 1) == 0, "real FFT length must be a power of two ≥ 4, got \(count)")
    self.count = count
    halfPlan = FFTPlan(count: count / 2)
    let angles = (0...count / 4).map { -2 * Double.pi * Double($0) / Double(count) }
    twiddleReal = angles.map { Float(cos($0)) }
    twiddleImaginary = angles.map { Float(sin($0)) }
  }

  /// Writes bins `0...N/2` of the DFT of the eight signals in `input` to `real` and `imaginary`, each of
  /// capacity ``binCount``.
  ///
  /// `input` holds `samples ≤ N` elements; the rest of each signal counts as zeros (zero padding).
  public func forward(
    _ input: UnsafePointer<Lanes>, samples: Int, real: UnsafeMutablePointer<Lanes>,
    imaginary: UnsafeMutablePointer<Lanes>
  ) {
    precondition(samples <= count, "input of \(samples) samples exceeds the FFT length \(count)")
    let half = count / 2
    for n in 0..<samples / 2 {
      real[n] = input[2 * n]
      imaginary[n] = input[2 * n + 1]
    }
    var filled = samples / 2
    if samples % 2 == 1 {
      real[filled] = input[samples - 1]
      imaginary[filled] = Lanes()
      filled += 1
    }
    // A frame zero-padded to at least twice its length fills at most the first half of the N/2 complex
    // samples; the transform then does not read the second half, so only the rest of the first needs zeros.
    let upperHalfIsZero = half >= 4 && filled <= half / 2
    let zeroed = upperHalfIsZero ? half / 2 : half
    (real + filled).update(repeating: Lanes(), count: zeroed - filled)
    (imaginary + filled).update(repeating: Lanes(), count: zeroed - filled)
    halfPlan.forward(real: real, imaginary: imaginary, upperHalfIsZero: upperHalfIsZero)

    let dcReal = real[0], dcImaginary = imaginary[0]
    real[0] = dcReal + dcImaginary
    imaginary[0] = Lanes()
    real[half] = dcReal - dcImaginary
    imaginary[half] = Lanes()
    twiddleReal.withUnsafeBufferPointer { wReal in
      twiddleImaginary.withUnsafeBufferPointer { wImaginary in
        for k in 1...(half / 2) {
          let m = half - k
          // E = (Z[k] + conj Z[m]) / 2 and O = −i (Z[k] − conj Z[m]) / 2: spectra of even and odd samples.
          let evenReal = 0.5 * (real[k] + real[m]), evenImaginary = 0.5 * (imaginary[k] - imaginary[m])
          let oddReal = 0.5 * (imaginary[k] + imaginary[m]), oddImaginary = -0.5 * (real[k] - real[m])
          // t = e^{-2πik/N} O; X[k] = E + t and X[N/2 − k] = conj(E − t).
          let tReal = wReal[k] * oddReal - wImaginary[k] * oddImaginary
          let tImaginary = wReal[k] * oddImaginary + wImaginary[k] * oddReal
          real[k] = evenReal + tReal
          imaginary[k] = evenImaginary + tImaginary
          real[m] = evenReal - tReal
          imaginary[m] = tImaginary - evenImaginary
        }
      }
    }
  }
}
