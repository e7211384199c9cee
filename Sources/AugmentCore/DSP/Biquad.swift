import Foundation

/// A second-order IIR section, `H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)`.
///
/// Runs in transposed direct form II with `Double` state and coefficients, the structure
/// `scipy.signal.lfilter` uses, so float input is filtered with double precision throughout
/// (between the sections of a cascade too). The recursion cannot be vectorised across samples; up to
/// four sections of a cascade run in one pass, pipelined across the lanes of a vector. Designs follow Robert Bristow-Johnson's
/// "Audio EQ Cookbook" (bilinear transform with the cut-off pre-warped).
public struct Biquad: Sendable, Equatable {
  public var b0, b1, b2, a1, a2: Double

  /// A section from raw coefficients, normalised by `a0`.
  public init(b0: Double, b1: Double, b2: Double, a0: Double = 1, a1: Double, a2: Double) {
    self.b0 = b0 / a0
    self.b1 = b1 / a0
    self.b2 = b2 / a0
    self.a1 = a1 / a0
    self.a2 = a2 / a0
  }

  /// Second-order high-pass with quality factor `q` (Cookbook HPF).
  public static func highPass(cutoff: Double, q: Double, sampleRate: Int) -> Biquad {
    let (cosine, alpha) = warped(cutoff, q: q, sampleRate: sampleRate)
    return Biquad(
      b0: (1 + cosine) / 2, b1: -(1 + cosine), b2: (1 + cosine) / 2,
      a0: 1 + alpha, a1: -2 * cosine, a2: 1 - alpha)
  }

  /// Second-order low-pass with quality factor `q` (Cookbook LPF).
  public static func lowPass(cutoff: Double, q: Double, sampleRate: Int) -> Biquad {
    let (cosine, alpha) = warped(cutoff, q: q, sampleRate: sampleRate)
    return Biquad(
      b0: (1 - cosine) / 2, b1: 1 - cosine, b2: (1 - cosine) / 2,
      a0: 1 + alpha, a1: -2 * cosine, a2: 1 - alpha)
  }

  /// High shelf of `gainDB` above `frequency` (Cookbook highShelf, `A = 10^(gain/40)`).
  public static func highShelf(frequency: Double, gainDB: Double, q: Double, sampleRate: Int) -> Biquad {
    let (cosine, alpha) = warped(frequency, q: q, sampleRate: sampleRate)
    let a = pow(10, gainDB / 40), rootTwoAAlpha = 2 * a.squareRoot() * alpha
    return Biquad(
      b0: a * ((a + 1) + (a - 1) * cosine + rootTwoAAlpha),
      b1: -2 * a * ((a - 1) + (a + 1) * cosine),
      b2: a * ((a + 1) + (a - 1) * cosine - rootTwoAAlpha),
      a0: (a + 1) - (a - 1) * cosine + rootTwoAAlpha,
      a1: 2 * ((a - 1) - (a + 1) * cosine),
      a2: (a + 1) - (a - 1) * cosine - rootTwoAAlpha)
  }

  /// `cos ω0` and `α = sin ω0 / 2Q` for a corner at `frequency`.
  private static func warped(_ frequency: Double, q: Double, sampleRate: Int) -> (cosine: Double, alpha: Double) {
    let omega = 2 * Double.pi * frequency / Double(sampleRate)
    return (cos(omega), sin(omega) / (2 * q))
  }

  /// Filters `samples` in place from a zero state.
  public func apply(to samples: inout [Float]) { [self].apply(to: &samples) }

  /// Filters `samples` in place from a zero state.
  public func apply(to samples: inout [Double]) { [self].apply(to: &samples) }
}

extension Biquad {
  /// An even-order Butterworth high-pass as a cascade of second-order sections.
  public static func butterworthHighPass(order: Int, cutoff: Double, sampleRate: Int) -> [Biquad] {
    butterworthQualityFactors(order: order).map { highPass(cutoff: cutoff, q: $0, sampleRate: sampleRate) }
  }

  /// An even-order Butterworth low-pass as a cascade of second-order sections.
  public static func butterworthLowPass(order: Int, cutoff: Double, sampleRate: Int) -> [Biquad] {
    butterworthQualityFactors(order: order).map { lowPass(cutoff: cutoff, q: $0, sampleRate: sampleRate) }
  }

  /// The section Qs of an order-`n` Butterworth: `1 / (2 cos(π(2k+1) / 2n))` for k in 0..<n/2,
  /// the pole pairs of the maximally flat response.
  static func butterworthQualityFactors(order: Int) -> [Double] {
    precondition(order > 0 && order.isMultiple(of: 2), "Butterworth cascades here have even order")
    return (0..<order / 2).map { k in 1 / (2 * cos(Double.pi * Double(2 * k + 1) / Double(2 * order))) }
  }
}

extension Array where Element == Biquad {
  /// Runs the sections in turn over `samples`, in place, from a zero state.
  public func apply(to samples: inout [Float]) {
    samples.withUnsafeMutableBufferPointer { buffer in forEachGroup { $0.run(buffer) } }
  }

  /// Runs the sections in turn over `samples`, in place, from a zero state.
  public func apply(to samples: inout [Double]) {
    samples.withUnsafeMutableBufferPointer { buffer in forEachGroup { $0.run(buffer) } }
  }

  /// Splits the cascade into groups of four sections (the last padded with identities).
  /// Runs the sections four at a time, the last group holding what is left: a group of fewer sections
  /// runs only those (K-weighting's two used to run with two identity sections, at four sections' cost).
  private func forEachGroup(_ body: (BiquadGroup) -> Void) {
    var start = 0
    while start < count {
      body(BiquadGroup(Array(self[start..<Swift.min(start + 4, count)])))
      start += 4
    }
  }
}

/// One to four sections run in one pass, each sample through all of them in turn.
private struct BiquadGroup {
  let sections: [Biquad]

  init(_ sections: [Biquad]) {
    precondition((1...4).contains(sections.count), "a group runs one to four sections")
    self.sections = sections
  }

  func run<Sample: BinaryFloatingPoint>(_ samples: UnsafeMutableBufferPointer<Sample>) {
    guard let base = samples.baseAddress else { return }
    // One or two sections run sample by sample with their states in registers; three or four pipelined.
    switch sections.count {
    case 1:
      let s0 = sections[0]
      var a = (0.0, 0.0)
      for index in 0..<samples.count { base[index] = Sample(s0.step(Double(base[index]), &a)) }
    case 2:
      let (s0, s1) = (sections[0], sections[1])
      var (a, b) = ((0.0, 0.0), (0.0, 0.0))
      for index in 0..<samples.count { base[index] = Sample(s1.step(s0.step(Double(base[index]), &a), &b)) }
    default:
      runPipelined(base, count: samples.count)
    }
  }

  /// Three or four sections as a pipeline in the lanes of one vector: at step `n` lane `k` filters what lane
  /// `k − 1` put out at step `n − 1`, so the four recursions advance side by side instead of each waiting
  /// for the one before it (a cascade run sample by sample is bound by that chain of dependent
  /// multiply-adds; with two sections the shuffles cost more than the chain does). Lanes past the cascade's end are identity sections, and the cascade's output for
  /// sample `n` leaves the last lane three steps later. Every section sees the inputs it would see alone,
  /// through the same operations, so the output is the same to the bit (save the sign of a zero an
  /// identity lane passes on).
  private func runPipelined<Sample: BinaryFloatingPoint>(_ base: UnsafeMutablePointer<Sample>, count: Int) {
    func lanes(_ coefficient: (Biquad) -> Double, identity: Double) -> SIMD4<Double> {
      var vector = SIMD4<Double>(repeating: identity)
      for (lane, section) in sections.enumerated() { vector[lane] = coefficient(section) }
      return vector
    }
    let (b0, b1, b2) = (lanes(\.b0, identity: 1), lanes(\.b1, identity: 0), lanes(\.b2, identity: 0))
    let (a1, a2) = (lanes(\.a1, identity: 0), lanes(\.a2, identity: 0))
    var (y, first, second) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
    @inline(__always) func step(_ input: Double) {
      let x = SIMD4(input, y[0], y[1], y[2])
      y = b0 * x + first
      first = b1 * x - a1 * y + second
      second = b2 * x - a2 * y
    }
    let latency = 3
    for index in 0..<min(latency, count) { step(Double(base[index])) }
    if count > latency {
      for index in latency..<count {
        step(Double(base[index]))
        base[index - latency] = Sample(y[3])
      }
    }
    // Zeros push the last samples through; a clip shorter than the latency has no output until then.
    for index in (count - latency)..<count {
      step(0)
      if index >= 0 { base[index] = Sample(y[3]) }
    }
  }
}

extension Biquad {
  /// One sample through the section in transposed direct form II, `state` holding its two delays.
  @inline(__always)
  fileprivate func step(_ x: Double, _ state: inout (Double, Double)) -> Double {
    let y = b0 * x + state.0
    state.0 = b1 * x - a1 * y + state.1
    state.1 = b2 * x - a2 * y
    return y
  }
}
