import Foundation
import Testing

@testable import AugmentCore

/// The radix-2 transforms against the DFT evaluated directly from its definition in double precision.
@Suite struct FFTTests {
  /// `X[k] = Σ x[n] e^{-2πikn/N}` for `k` in `0..<bins`, the input zero-padded to `length`.
  static func naiveDFT(real: [Float], imaginary: [Float], length: Int, bins: Int) -> [(Double, Double)] {
    (0..<bins).map { k in
      var sumReal = 0.0, sumImaginary = 0.0
      for n in real.indices {
        let angle = -2 * Double.pi * Double(k * n % length) / Double(length)
        sumReal += Double(real[n]) * cos(angle) - Double(imaginary[n]) * sin(angle)
        sumImaginary += Double(real[n]) * sin(angle) + Double(imaginary[n]) * cos(angle)
      }
      return (sumReal, sumImaginary)
    }
  }

  static func randomSignal(count: Int, seed: UInt64) -> [Float] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in Float(rng.uniform(in: -1...1)) }
  }

  /// The largest error relative to the largest magnitude of the exact transform.
  static func relativeError(_ real: [Float], _ imaginary: [Float], against exact: [(Double, Double)]) -> Double {
    let scale = exact.map { ($0.0 * $0.0 + $0.1 * $0.1).squareRoot() }.max()!
    let error = exact.indices.map { k in
      let dr = Double(real[k]) - exact[k].0, di = Double(imaginary[k]) - exact[k].1
      return (dr * dr + di * di).squareRoot()
    }.max()!
    return error / scale
  }

  @Test(arguments: [2, 4, 8, 16, 32, 256, 1024])
  func complexTransformMatchesTheDefinition(count: Int) {
    var real = Self.randomSignal(count: count, seed: UInt64(count))
    var imaginary = Self.randomSignal(count: count, seed: UInt64(count) + 1)
    let exact = Self.naiveDFT(real: real, imaginary: imaginary, length: count, bins: count)
    let plan = FFTPlan(count: count)
    real.withUnsafeMutableBufferPointer { re in
      imaginary.withUnsafeMutableBufferPointer { im in plan.forward(real: re.baseAddress!, imaginary: im.baseAddress!) }
    }
    #expect(Self.relativeError(real, imaginary, against: exact) < 2e-6)
  }

  /// Full frames, zero-padded frames (STOI's 256 samples in 512) and an odd number of samples.
  @Test(arguments: [(4, 4), (8, 5), (64, 64), (512, 256), (512, 257), (2048, 2048)])
  func realTransformMatchesTheDefinition(count: Int, samples: Int) {
    let signal = Self.randomSignal(count: samples, seed: UInt64(count * 7 + samples))
    let exact = Self.naiveDFT(
      real: signal, imaginary: [Float](repeating: 0, count: samples), length: count, bins: count / 2 + 1)
    let plan = RealFFTPlan(count: count)
    var real = [Float](repeating: .nan, count: plan.binCount)
    var imaginary = [Float](repeating: .nan, count: plan.binCount)
    signal.withUnsafeBufferPointer { input in
      real.withUnsafeMutableBufferPointer { re in
        imaginary.withUnsafeMutableBufferPointer { im in
          plan.forward(input, real: re.baseAddress!, imaginary: im.baseAddress!)
        }
      }
    }
    #expect(Self.relativeError(real, imaginary, against: exact) < 2e-6)
    #expect(imaginary[0] == 0 && imaginary[count / 2] == 0)
  }

  /// A cosine on bin 5 of 512 puts N/2 into bins 5 and nothing measurable elsewhere.
  @Test func aCosineLandsInItsBin() {
    let signal = (0..<512).map { Float(cos(2 * Double.pi * 5 * Double($0) / 512)) }
    let plan = RealFFTPlan(count: 512)
    var real = [Float](repeating: 0, count: plan.binCount)
    var imaginary = [Float](repeating: 0, count: plan.binCount)
    signal.withUnsafeBufferPointer { input in plan.forward(input, real: &real, imaginary: &imaginary) }
    let magnitudes = real.indices.map { (real[$0] * real[$0] + imaginary[$0] * imaginary[$0]).squareRoot() }
    #expect(abs(magnitudes[5] - 256) < 1e-3)
    #expect(magnitudes.enumerated().filter { $0.offset != 5 }.allSatisfy { $0.element < 1e-3 })
  }
}
