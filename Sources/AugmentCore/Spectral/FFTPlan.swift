import Foundation

/// A fast Fourier transform of one power-of-two size, applied to eight signals at once.
///
/// Signals are stored lane-interleaved: element `n` of the `real` and `imaginary` arrays is a
/// `SIMD8<Float>` whose lane `l` is sample `n` of signal `l`. Every butterfly of every stage then
/// works on all eight signals with plain vector arithmetic and a broadcast twiddle factor, so no stage
/// needs shuffles or scalar fallbacks. Spectral analysis transforms many frames of the same size,
/// which is exactly this shape; a single signal occupies one lane.
///
/// The plan holds everything that depends only on the size (twiddle factors and the bit-reversal
/// swaps), so a transform allocates nothing and one plan serves every frame of every clip. It is
/// immutable and therefore safe to share between threads.
///
/// The transform is the unnormalised forward DFT, `X[k] = Σ x[n] e^{-2πi kn/N}`, evaluated by
/// decimation in frequency: natural-order input, bit-reversed intermediate, natural-order output.
/// Stages are taken two at a time as radix-4 butterflies (half the loads and stores of two radix-2
/// stages, and the `−i` twiddle between them is a swap), with one radix-2 stage when `log₂N` is odd.
public struct FFTPlan: Sendable {
  /// Eight signals side by side, one per lane.
  public typealias Lanes = SIMD8<Float>

  /// The transform length `N`, a power of two.
  public let count: Int
  /// `e^{-2πij/N}` for `j` in `0..<N`; a stage on blocks of `b` samples uses every `(N/b)`-th entry.
  private let twiddleReal: [Float]
  private let twiddleImaginary: [Float]
  /// Index pairs `(i, j)`, `i < j`, whose elements trade places to undo the bit-reversed order.
  private let swaps: [(Int32, Int32)]

  /// Creates a plan for transforms of length `count`.
  ///
  /// - Precondition: `count` is a power of two, at least 2. Sizes are chosen by the code that
  ///   owns the plan, never read from input.
  public init(count: Int) {
    precondition(count >= 2 && count & (count - 1) == 0, "FFT length must be a power of two ≥ 2, got \(count)")
    self.count = count
    let angles = (0..<count).map { -2 * Double.pi * Double($0) / Double(count) }
    twiddleReal = angles.map { Float(cos($0)) }
    twiddleImaginary = angles.map { Float(sin($0)) }
    let bits = count.trailingZeroBitCount
    swaps = (0..<count).compactMap { i in
      var reversed = 0
      for bit in 0..<bits where i & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
      return i < reversed ? (Int32(i), Int32(reversed)) : nil
    }
  }

  /// Replaces `real[0..<count]`, `imaginary[0..<count]` by their discrete Fourier transform, lane by lane.
  public func forward(real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>) {
    twiddleReal.withUnsafeBufferPointer { twiddleReal in
      twiddleImaginary.withUnsafeBufferPointer { twiddleImaginary in
        var quarter = count / 4
        while quarter >= 1 {
          radix4Stage(
            quarter: quarter, real: real, imaginary: imaginary, twiddleReal: twiddleReal,
            twiddleImaginary: twiddleImaginary)
          quarter /= 4
        }
        if count.trailingZeroBitCount % 2 == 1 { finalRadix2Stage(real: real, imaginary: imaginary) }
      }
    }
    swaps.withUnsafeBufferPointer { swaps in
      for (i, j) in swaps {
        let (i, j) = (Int(i), Int(j))
        (real[i], real[j]) = (real[j], real[i])
        (imaginary[i], imaginary[j]) = (imaginary[j], imaginary[i])
      }
    }
  }

  /// Two decimation-in-frequency stages on blocks of `4q` samples. With `a₀…a₃` the samples `q` apart and
  /// `W = e^{−2πi/4q}`, the block becomes `(a₀+a₂) + (a₁+a₃)`, `((a₀+a₂) − (a₁+a₃))·W^{2j}`,
  /// `((a₀−a₂) − i(a₁−a₃))·W^j`, `((a₀−a₂) + i(a₁−a₃))·W^{3j}`: exactly the two radix-2 stages it replaces.
  @inline(__always)
  private func radix4Stage(
    quarter q: Int, real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>,
    twiddleReal: UnsafeBufferPointer<Float>, twiddleImaginary: UnsafeBufferPointer<Float>
  ) {
    let step = count / (4 * q)
    for start in Swift.stride(from: 0, to: count, by: 4 * q) {
      for j in 0..<q {
        let i0 = start + j, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q
        let sum02Real = real[i0] + real[i2], sum02Imaginary = imaginary[i0] + imaginary[i2]
        let difference02Real = real[i0] - real[i2], difference02Imaginary = imaginary[i0] - imaginary[i2]
        let sum13Real = real[i1] + real[i3], sum13Imaginary = imaginary[i1] + imaginary[i3]
        // −i·(a₁ − a₃)
        let rotatedReal = imaginary[i1] - imaginary[i3], rotatedImaginary = real[i3] - real[i1]
        real[i0] = sum02Real + sum13Real
        imaginary[i0] = sum02Imaginary + sum13Imaginary
        let yReal = sum02Real - sum13Real, yImaginary = sum02Imaginary - sum13Imaginary
        let zReal = difference02Real + rotatedReal, zImaginary = difference02Imaginary + rotatedImaginary
        let vReal = difference02Real - rotatedReal, vImaginary = difference02Imaginary - rotatedImaginary
        if j == 0 {
          real[i1] = yReal
          imaginary[i1] = yImaginary
          real[i2] = zReal
          imaginary[i2] = zImaginary
          real[i3] = vReal
          imaginary[i3] = vImaginary
        } else {
          let w1 = j * step, w2 = 2 * w1, w3 = 3 * w1
          real[i1] = yReal * twiddleReal[w2] - yImaginary * twiddleImaginary[w2]
          imaginary[i1] = yReal * twiddleImaginary[w2] + yImaginary * twiddleReal[w2]
          real[i2] = zReal * twiddleReal[w1] - zImaginary * twiddleImaginary[w1]
          imaginary[i2] = zReal * twiddleImaginary[w1] + zImaginary * twiddleReal[w1]
          real[i3] = vReal * twiddleReal[w3] - vImaginary * twiddleImaginary[w3]
          imaginary[i3] = vReal * twiddleImaginary[w3] + vImaginary * twiddleReal[w3]
        }
      }
    }
  }

  /// The last radix-2 stage (pairs of neighbours, twiddle 1) when `log₂N` is odd.
  @inline(__always)
  private func finalRadix2Stage(real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>) {
    for top in Swift.stride(from: 0, to: count, by: 2) {
      let bottom = top + 1
      (real[top], real[bottom]) = (real[top] + real[bottom], real[top] - real[bottom])
      (imaginary[top], imaginary[bottom]) = (imaginary[top] + imaginary[bottom], imaginary[top] - imaginary[bottom])
    }
  }
}
