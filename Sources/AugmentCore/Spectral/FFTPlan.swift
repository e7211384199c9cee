import Foundation

/// A radix-2 fast Fourier transform of one power-of-two size, computed in place on split-complex data.
///
/// The plan holds everything that depends only on the size (per-stage twiddle factors and the
/// bit-reversal swaps), so a transform allocates nothing and a plan made once serves every frame
/// of every clip. It is immutable and therefore safe to share between threads.
///
/// The transform is the unnormalised forward DFT, `X[k] = Σ x[n] e^{-2πi kn/N}`, evaluated by
/// decimation in frequency: natural-order input, bit-reversed intermediate, natural-order output.
/// Each stage's twiddles are stored contiguously, so the butterflies of every stage whose half-span
/// is at least eight run on `SIMD8<Float>` with unit-stride loads.
public struct FFTPlan: Sendable {
  /// The transform length `N`, a power of two.
  public let count: Int
  /// Twiddles of all stages, concatenated: the stage of half-span `h` keeps `e^{-iπj/h}`, `j` in `0..<h`,
  /// at offsets `h - 1 ..< 2h - 1`.
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
    var real = [Float](repeating: 0, count: count - 1)
    var imaginary = [Float](repeating: 0, count: count - 1)
    var half = 1
    while half < count {
      for j in 0..<half {
        let angle = -Double.pi * Double(j) / Double(half)
        real[half - 1 + j] = Float(cos(angle))
        imaginary[half - 1 + j] = Float(sin(angle))
      }
      half *= 2
    }
    twiddleReal = real
    twiddleImaginary = imaginary
    let bits = count.trailingZeroBitCount
    swaps = (0..<count).compactMap { i in
      let j = Int(UInt(i).bitReversed(width: bits))
      return i < j ? (Int32(i), Int32(j)) : nil
    }
  }

  /// Replaces `real[0..<count]`, `imaginary[0..<count]` by their discrete Fourier transform.
  public func forward(real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>) {
    twiddleReal.withUnsafeBufferPointer { twiddleReal in
      twiddleImaginary.withUnsafeBufferPointer { twiddleImaginary in
        var half = count / 2
        while half >= 8 {
          Self.wideStage(
            half: half, count: count, real: real, imaginary: imaginary,
            twiddleReal: twiddleReal.baseAddress! + (half - 1),
            twiddleImaginary: twiddleImaginary.baseAddress! + (half - 1))
          half /= 2
        }
        while half >= 1 {
          Self.narrowStage(
            half: half, count: count, real: real, imaginary: imaginary,
            twiddleReal: twiddleReal.baseAddress! + (half - 1),
            twiddleImaginary: twiddleImaginary.baseAddress! + (half - 1))
          half /= 2
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

  /// One decimation-in-frequency stage, eight butterflies per step: `a + b` stays, `(a − b)·w` replaces `b`.
  @inline(__always)
  private static func wideStage(
    half: Int, count: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>,
    twiddleReal: UnsafePointer<Float>, twiddleImaginary: UnsafePointer<Float>
  ) {
    typealias Vector = SIMD8<Float>
    let rawTwiddleReal = UnsafeRawPointer(twiddleReal), rawTwiddleImaginary = UnsafeRawPointer(twiddleImaginary)
    let rawReal = UnsafeMutableRawPointer(real), rawImaginary = UnsafeMutableRawPointer(imaginary)
    let stride = MemoryLayout<Float>.stride
    for start in Swift.stride(from: 0, to: count, by: 2 * half) {
      for j in Swift.stride(from: 0, to: half, by: 8) {
        let top = (start + j) * stride, bottom = (start + j + half) * stride
        let aReal = rawReal.loadUnaligned(fromByteOffset: top, as: Vector.self)
        let aImaginary = rawImaginary.loadUnaligned(fromByteOffset: top, as: Vector.self)
        let bReal = rawReal.loadUnaligned(fromByteOffset: bottom, as: Vector.self)
        let bImaginary = rawImaginary.loadUnaligned(fromByteOffset: bottom, as: Vector.self)
        let wReal = rawTwiddleReal.loadUnaligned(fromByteOffset: j * stride, as: Vector.self)
        let wImaginary = rawTwiddleImaginary.loadUnaligned(fromByteOffset: j * stride, as: Vector.self)
        let dReal = aReal - bReal, dImaginary = aImaginary - bImaginary
        rawReal.storeBytes(of: aReal + bReal, toByteOffset: top, as: Vector.self)
        rawImaginary.storeBytes(of: aImaginary + bImaginary, toByteOffset: top, as: Vector.self)
        rawReal.storeBytes(of: dReal * wReal - dImaginary * wImaginary, toByteOffset: bottom, as: Vector.self)
        rawImaginary.storeBytes(of: dReal * wImaginary + dImaginary * wReal, toByteOffset: bottom, as: Vector.self)
      }
    }
  }

  /// The same butterflies one at a time, for the last stages whose half-span is below eight.
  @inline(__always)
  private static func narrowStage(
    half: Int, count: Int, real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>,
    twiddleReal: UnsafePointer<Float>, twiddleImaginary: UnsafePointer<Float>
  ) {
    for start in Swift.stride(from: 0, to: count, by: 2 * half) {
      for j in 0..<half {
        let top = start + j, bottom = top + half
        let dReal = real[top] - real[bottom], dImaginary = imaginary[top] - imaginary[bottom]
        real[top] += real[bottom]
        imaginary[top] += imaginary[bottom]
        real[bottom] = dReal * twiddleReal[j] - dImaginary * twiddleImaginary[j]
        imaginary[bottom] = dReal * twiddleImaginary[j] + dImaginary * twiddleReal[j]
      }
    }
  }
}

extension UInt {
  /// The low `width` bits in reverse order.
  fileprivate func bitReversed(width: Int) -> UInt {
    var value = self, result: UInt = 0
    for _ in 0..<width {
      result = result << 1 | value & 1
      value >>= 1
    }
    return result
  }
}
