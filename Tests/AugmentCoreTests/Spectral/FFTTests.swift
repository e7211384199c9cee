import Foundation
import Testing

@testable import AugmentCore

/// The radix-2 transforms against the DFT evaluated from its definition in double precision,
/// with a different random signal in each of the eight lanes.
@Suite struct FFTTests {
  typealias Lanes = FFTPlan.Lanes

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

  /// Eight random signals in [-1, 1), lane-interleaved.
  static func randomLanes(count: Int, seed: UInt64) -> [Lanes] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in
      var lanes = Lanes()
      for lane in 0..<Lanes.scalarCount { lanes[lane] = Float(rng.uniform(in: -1...1)) }
      return lanes
    }
  }

  /// The largest error relative to the largest magnitude of the exact transform, over `bins` of one lane.
  static func relativeError(_ real: [Lanes], _ imaginary: [Lanes], lane: Int, against exact: [(Double, Double)]) -> Double {
    let scale = exact.map { ($0.0 * $0.0 + $0.1 * $0.1).squareRoot() }.max()!
    let error = exact.indices.map { k in
      let dr = Double(real[k][lane]) - exact[k].0, di = Double(imaginary[k][lane]) - exact[k].1
      return (dr * dr + di * di).squareRoot()
    }.max()!
    return error / scale
  }

  @Test(arguments: [2, 4, 8, 16, 32, 256, 1024])
  func complexTransformMatchesTheDefinition(count: Int) {
    let inputReal = Self.randomLanes(count: count, seed: UInt64(count))
    let inputImaginary = Self.randomLanes(count: count, seed: UInt64(count) + 1)
    var real = inputReal, imaginary = inputImaginary
    FFTPlan(count: count).forward(real: &real, imaginary: &imaginary)
    for lane in 0..<Lanes.scalarCount {
      let exact = Self.naiveDFT(
        real: inputReal.map { $0[lane] }, imaginary: inputImaginary.map { $0[lane] }, length: count, bins: count)
      #expect(Self.relativeError(real, imaginary, lane: lane, against: exact) < 2e-6, "lane \(lane)")
    }
  }

  /// Full frames, zero-padded frames (STOI's 256 samples in 512) and an odd number of samples.
  @Test(arguments: [(4, 2), (4, 4), (8, 4), (8, 5), (16, 3), (64, 64), (512, 256), (512, 257), (2048, 2048)])
  func realTransformMatchesTheDefinition(count: Int, samples: Int) {
    let input = Self.randomLanes(count: samples, seed: UInt64(count * 7 + samples))
    let plan = RealFFTPlan(count: count)
    var real = [Lanes](repeating: Lanes(repeating: .nan), count: plan.binCount)
    var imaginary = [Lanes](repeating: Lanes(repeating: .nan), count: plan.binCount)
    plan.forward(input, samples: samples, real: &real, imaginary: &imaginary)
    for lane in 0..<Lanes.scalarCount {
      let signal = input.map { $0[lane] }
      let exact = Self.naiveDFT(
        real: signal, imaginary: [Float](repeating: 0, count: samples), length: count, bins: plan.binCount)
      #expect(Self.relativeError(real, imaginary, lane: lane, against: exact) < 2e-6, "lane \(lane)")
    }
    #expect(imaginary[0] == Lanes() && imaginary[count / 2] == Lanes())
  }

  /// A cosine on bin 5 of 512 puts N/2 into bin 5 and nothing measurable elsewhere.
  @Test func aCosineLandsInItsBin() {
    let input = (0..<512).map { Lanes(repeating: Float(cos(2 * Double.pi * 5 * Double($0) / 512))) }
    let plan = RealFFTPlan(count: 512)
    var real = [Lanes](repeating: .zero, count: plan.binCount)
    var imaginary = [Lanes](repeating: .zero, count: plan.binCount)
    plan.forward(input, samples: 512, real: &real, imaginary: &imaginary)
    let magnitudes = real.indices.map { (real[$0] * real[$0] + imaginary[$0] * imaginary[$0]).squareRoot()[3] }
    #expect(abs(magnitudes[5] - 256) < 1e-3)
    #expect(magnitudes.enumerated().filter { $0.offset != 5 }.allSatisfy { $0.element < 1e-3 })
  }
}
