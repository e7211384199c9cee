import Synchronization

/// Linear convolution with one impulse response by FFT overlap-add, eight blocks of the signal at a time.
///
/// The impulse response `h` (length `M`) is transformed once into a spectrum of `N` bins, `N` the power of
/// two at least `2M` (and 64): each block of `L = N − M + 1` signal samples then convolves with `h`
/// without wrapping around, as one product of spectra. The signal's blocks fill the eight lanes of
/// ``RealFFTPlan``, so one pass of forward transform, product and inverse handles eight blocks; each
/// block's `N` outputs are added into the result at the block's start (overlap-add). With `N ≥ 2M`
/// at least half of each transform is new signal, so the cost per sample is `O(log N)`, against `O(M)`
/// for direct convolution.
///
/// The inverse transform is the forward complex one on the conjugated spectrum extended to all `N` bins
/// by Hermitian symmetry (`x = conj(FFT(conj X)) / N`, whose real part is all that is kept).
///
/// Arithmetic is in `Float`; against a `Double` reference (SciPy's `fftconvolve`) the error is about
/// `2e-7` of the output's peak (see docs/reverberation.md). The plan is immutable and shareable between
/// threads; its results are bit-identical on every run.
public struct FFTConvolution: Sendable {
  public typealias Lanes = FFTPlan.Lanes

  /// The impulse response's length `M`.
  public let impulseResponseCount: Int
  /// The transform length `N`.
  public var transformCount: Int { realPlan.count }
  /// Signal samples per block, `N − M + 1`.
  public var blockCount: Int { transformCount - impulseResponseCount + 1 }

  private let realPlan: RealFFTPlan
  private let complexPlan: FFTPlan
  /// The impulse response's spectrum, bins `0...N/2`, scaled by `1/N` so the inverse needs no division.
  private let responseReal: [Float]
  private let responseImaginary: [Float]

  /// Prepares convolution with `impulseResponse`.
  ///
  /// - Precondition: `impulseResponse` is not empty.
  public init(impulseResponse: [Float]) {
    precondition(!impulseResponse.isEmpty, "an impulse response needs at least one sample")
    let count = impulseResponse.count
    var size = 64
    while size < 2 * count { size *= 2 }
    impulseResponseCount = count
    let (plan, complex) = Self.plans(count: size)
    realPlan = plan
    complexPlan = complex
    let bins = size / 2 + 1
    let lanes = impulseResponse.map { Lanes(repeating: $0) }
    var real = [Lanes](repeating: Lanes(), count: bins), imaginary = real
    lanes.withUnsafeBufferPointer { input in
      real.withUnsafeMutableBufferPointer { real in
        imaginary.withUnsafeMutableBufferPointer { imaginary in
          // Safe: `input` holds `count ≤ size / 2` elements and both outputs hold `bins`, as `forward` needs.
          plan.forward(input.baseAddress!, samples: count, real: real.baseAddress!, imaginary: imaginary.baseAddress!)
        }
      }
    }
    let scale = 1 / Float(size)
    responseReal = real.map { $0[0] * scale }
    responseImaginary = imaginary.map { $0[0] * scale }
  }

  /// Plans by transform length, shared by every convolution. Building a plan computes its twiddle factors
  /// and bit-reversal swaps, more work than convolving a short clip, and a bank's responses need only a
  /// few lengths.
  private static let planCache = Mutex<[Int: (RealFFTPlan, FFTPlan)]>([:])

  private static func plans(count: Int) -> (RealFFTPlan, FFTPlan) {
    if let cached = planCache.withLock({ $0[count] }) { return cached }
    let built = (RealFFTPlan(count: count), FFTPlan(count: count))
    planCache.withLock { $0[count] = built }
    return built
  }

  /// The full linear convolution, `signal.count + M − 1` samples (empty for an empty signal), as SciPy's
  /// `fftconvolve(signal, h, mode="full")`.
  public func convolve(_ signal: [Float]) -> [Float] {
    guard !signal.isEmpty else { return [] }
    let n = transformCount, length = blockCount, bins = n / 2 + 1
    var output = [Float](repeating: 0, count: signal.count + impulseResponseCount - 1)
    let blocks = (signal.count + length - 1) / length
    var input = [Lanes](repeating: Lanes(), count: length)
    var real = [Lanes](repeating: Lanes(), count: n), imaginary = real
    for firstBlock in stride(from: 0, to: blocks, by: Lanes.scalarCount) {
      for i in 0..<length {
        var lanes = Lanes()
        for lane in 0..<Lanes.scalarCount {
          let index = (firstBlock + lane) * length + i
          if index < signal.count { lanes[lane] = signal[index] }
        }
        input[i] = lanes
      }
      input.withUnsafeBufferPointer { input in
        real.withUnsafeMutableBufferPointer { real in
          imaginary.withUnsafeMutableBufferPointer { imaginary in
            let (re, im) = (real.baseAddress!, imaginary.baseAddress!)
            // Safe: `input` holds `length ≤ n` elements; `real` and `imaginary` hold `n ≥ bins` each.
            realPlan.forward(input.baseAddress!, samples: length, real: re, imaginary: im)
            multiplyAndExtend(real: re, imaginary: im, bins: bins)
            // Safe: both hold exactly `n` elements, the complex plan's length.
            complexPlan.forward(real: re, imaginary: im)
          }
        }
      }
      for lane in 0..<Lanes.scalarCount {
        let start = (firstBlock + lane) * length
        guard start < signal.count else { break }
        for i in 0..<min(n, output.count - start) { output[start + i] += real[i][lane] }
      }
    }
    return output
  }

  /// Multiplies bins `0..<bins` by the response's spectrum and conjugates them, then fills bins `bins..<N`
  /// with the conjugate-symmetric rest of the conjugated spectrum, so a forward transform inverts it.
  private func multiplyAndExtend(real: UnsafeMutablePointer<Lanes>, imaginary: UnsafeMutablePointer<Lanes>, bins: Int) {
    let n = transformCount
    for k in 0..<bins {
      let hReal = Lanes(repeating: responseReal[k]), hImaginary = Lanes(repeating: responseImaginary[k])
      let (xReal, xImaginary) = (real[k], imaginary[k])
      real[k] = xReal * hReal - xImaginary * hImaginary
      imaginary[k] = -(xReal * hImaginary + xImaginary * hReal)
    }
    for k in bins..<n {
      real[k] = real[n - k]
      imaginary[k] = -imaginary[n - k]
    }
  }
}
