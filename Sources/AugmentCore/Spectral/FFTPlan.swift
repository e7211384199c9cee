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
  /// The twiddle factors of every radix-4 stage in the order the butterflies use them, each broadcast to a
  /// four-lane vector: for the stage on blocks of `4q` samples (largest first) and each `j` in `1..<q`, the
  /// real and imaginary parts of `W^{2j}`, `W^j` and `W^{3j}`, `W = e^{−2πi/4q}`.
  private let twiddles: [Half]
  /// Index pairs `(i, j)`, `i < j`, whose elements trade places to undo the bit-reversed order.
  private let swaps: [(Int32, Int32)]

  /// Creates a plan for transforms of length `count`.
  ///
  /// - Precondition: `count` is a power of two, at least 2. Sizes are chosen by the code that
  ///   owns the plan, never read from input.
  public init(count: Int) {
    precondition(count >= 2 && count & (count - 1) == 0, "FFT length must be a power of two ≥ 2, got \(count)")
    self.count = count
    var twiddles: [Half] = []
    var quarter = count / 4
    while quarter >= 1 {
      let step = count / (4 * quarter)
      for j in 1..<quarter {
        for power in [2, 1, 3] {
          let angle = -2 * Double.pi * Double(power * j * step) / Double(count)
          twiddles.append(Half(repeating: Float(cos(angle))))
          twiddles.append(Half(repeating: Float(sin(angle))))
        }
      }
      quarter /= 4
    }
    self.twiddles = twiddles
    let bits = count.trailingZeroBitCount
    swaps = (0..<count).compactMap { i in
      var reversed = 0
      for bit in 0..<bits where i & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
      return i < reversed ? (Int32(i), Int32(reversed)) : nil
    }
  }

  /// Replaces `real[0..<count]`, `imaginary[0..<count]` by their discrete Fourier transform, lane by lane.
  public func forward(real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>) {
    forward(real: real, imaginary: imaginary, upperHalfIsZero: false)
  }

  /// The transform of an input whose second half, `count/2..<count`, is zero (a frame zero-padded to
  /// twice its length) when `upperHalfIsZero`: that half is then neither read nor needs to be written
  /// beforehand, and the first stage skips the arithmetic on it.
  ///
  /// - Precondition: `count ≥ 4` when `upperHalfIsZero` (the first stage is a radix-4 one).
  func forward(real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>, upperHalfIsZero: Bool) {
    precondition(!upperHalfIsZero || count >= 4, "a zero upper half needs a transform of at least 4 points")
    let halves = Strided.halves
    real.withMemoryRebound(to: Half.self, capacity: count * halves) { real in
      imaginary.withMemoryRebound(to: Half.self, capacity: count * halves) { imaginary in
        twiddles.withUnsafeBufferPointer { twiddles in
          for half in 0..<halves {
            let real = Strided(base: real + half), imaginary = Strided(base: imaginary + half)
            var quarter = count / 4, stageTwiddles = 0
            if upperHalfIsZero {
              radix4Stage(
                quarter: quarter, real: real, imaginary: imaginary, twiddles: twiddles, first: stageTwiddles,
                upperHalfIsZero: true)
              stageTwiddles += 6 * (quarter - 1)
              quarter /= 4
            }
            while quarter >= 1 {
              radix4Stage(
                quarter: quarter, real: real, imaginary: imaginary, twiddles: twiddles, first: stageTwiddles,
                upperHalfIsZero: false)
              stageTwiddles += 6 * (quarter - 1)
              quarter /= 4
            }
            if count.trailingZeroBitCount % 2 == 1 { finalRadix2Stage(real: real, imaginary: imaginary) }
          }
        }
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

  /// Four of the eight lanes. The butterflies run on each half of the lanes in turn: a radix-4 butterfly
  /// holds eight complex values, which as eight-lane vectors take more than x86-64's sixteen SSE registers
  /// and spill to the stack; as four-lane vectors they fit.
  typealias Half = SIMD4<Float>

  /// One half of the lanes of a lane-interleaved signal: element `n` is `base[n·halves]`.
  struct Strided {
    static let halves = Lanes.scalarCount / Half.scalarCount
    let base: UnsafeMutablePointer<Half>

    @inline(__always)
    subscript(index: Int) -> Half {
      get { base[index &* Self.halves] }
      nonmutating set { base[index &* Self.halves] = newValue }
    }
  }

  /// Two decimation-in-frequency stages on blocks of `4q` samples. With `a₀…a₃` the samples `q` apart and
  /// `W = e^{−2πi/4q}`, the block becomes `(a₀+a₂) + (a₁+a₃)`, `((a₀+a₂) − (a₁+a₃))·W^{2j}`,
  /// `((a₀−a₂) − i(a₁−a₃))·W^j`, `((a₀−a₂) + i(a₁−a₃))·W^{3j}`: exactly the two radix-2 stages it replaces.
  @inline(__always)
  private func radix4Stage(
    quarter q: Int, real: Strided, imaginary: Strided, twiddles: UnsafeBufferPointer<Half>, first: Int,
    upperHalfIsZero: Bool
  ) {
    for start in Swift.stride(from: 0, to: count, by: 4 * q) {
      for j in 0..<q {
        let i0 = start &+ j, i1 = i0 &+ q, i2 = i1 &+ q, i3 = i2 &+ q
        let sum02Real: Half, sum02Imaginary: Half, difference02Real: Half, difference02Imaginary: Half
        let sum13Real: Half, sum13Imaginary: Half, rotatedReal: Half, rotatedImaginary: Half
        if upperHalfIsZero {  // a₂ = a₃ = 0, on the first stage only (q = N/4)
          (sum02Real, sum02Imaginary) = (real[i0], imaginary[i0])
          (difference02Real, difference02Imaginary) = (sum02Real, sum02Imaginary)
          (sum13Real, sum13Imaginary) = (real[i1], imaginary[i1])
          (rotatedReal, rotatedImaginary) = (sum13Imaginary, -sum13Real)
        } else {
          (sum02Real, sum02Imaginary) = (real[i0] + real[i2], imaginary[i0] + imaginary[i2])
          (difference02Real, difference02Imaginary) = (real[i0] - real[i2], imaginary[i0] - imaginary[i2])
          (sum13Real, sum13Imaginary) = (real[i1] + real[i3], imaginary[i1] + imaginary[i3])
          // −i·(a₁ − a₃)
          (rotatedReal, rotatedImaginary) = (imaginary[i1] - imaginary[i3], real[i3] - real[i1])
        }
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
          // Read before any store: the compiler cannot tell that the stores leave the twiddles alone.
          let w = twiddles.baseAddress! + (first &+ 6 &* (j &- 1))
          let (w2Real, w2Imaginary, w1Real, w1Imaginary, w3Real, w3Imaginary) = (w[0], w[1], w[2], w[3], w[4], w[5])
          real[i1] = yReal * w2Real - yImaginary * w2Imaginary
          imaginary[i1] = yReal * w2Imaginary + yImaginary * w2Real
          real[i2] = zReal * w1Real - zImaginary * w1Imaginary
          imaginary[i2] = zReal * w1Imaginary + zImaginary * w1Real
          real[i3] = vReal * w3Real - vImaginary * w3Imaginary
          imaginary[i3] = vReal * w3Imaginary + vImaginary * w3Real
        }
      }
    }
  }

  /// The last radix-2 stage (pairs of neighbours, twiddle 1) when `log₂N` is odd.
  @inline(__always)
  private func finalRadix2Stage(real: Strided, imaginary: Strided) {
    for top in Swift.stride(from: 0, to: count, by: 2) {
      let bottom = top + 1
      (real[top], real[bottom]) = (real[top] + real[bottom], real[top] - real[bottom])
      (imaginary[top], imaginary[bottom]) = (imaginary[top] + imaginary[bottom], imaginary[top] - imaginary[bottom])
    }
  }
}
