import Foundation
import Testing

@testable import AugmentCore

/// The resampler as STOI configures it (transition band 0.852…1.148 of the lower Nyquist, 60 dB).
@Suite struct PolyphaseResamplerTests {
  static func resampler(from source: Int, to target: Int) -> PolyphaseResampler {
    PolyphaseResampler(from: source, to: target, transitionBand: 0.852...1.148, attenuation: 60)
  }

  static func sine(frequency: Double, rate: Int, count: Int) -> [Float] {
    (0..<count).map { Float(sin(2 * Double.pi * frequency * Double($0) / Double(rate))) }
  }

  /// Output length is `ceil(n·L/M)`, as `scipy.signal.resample_poly`; 16 kHz → 10 kHz needs 40 taps per output.
  @Test func lengthAndTapCount() {
    let r = Self.resampler(from: 16_000, to: 10_000)
    #expect(r.outputCount(for: 48_000) == 30_000)
    #expect(r.outputCount(for: 16_001) == 10_001)
    #expect(r.resample(Array(repeating: 1, count: 3)).count == 2)
    #expect(r.resample([]).isEmpty)
    #expect(r.tapsPerPhase == 40)
  }

  /// A pass-band sine comes out as the same sine sampled at the new rate: no delay, unit gain,
  /// error within the 60 dB ripple (edges, where the zero padding shows, excluded).
  @Test(arguments: [(16_000, 1000.0), (16_000, 4200.0), (8_000, 1000.0), (44_100, 2000.0), (48_000, 3000.0)])
  func passBandSinesKeepPhaseAndAmplitude(source: Int, frequency: Double) {
    let input = Self.sine(frequency: frequency, rate: source, count: source)
    let output = Self.resampler(from: source, to: 10_000).resample(input)
    let ideal = Self.sine(frequency: frequency, rate: 10_000, count: output.count)
    let error = (200..<output.count - 200).map { abs(output[$0] - ideal[$0]) }.max()!
    #expect(error < 2e-3)
  }

  /// A 6.5 kHz sine at 16 kHz would alias to 3.5 kHz at 10 kHz; it is attenuated by at least 60 dB.
  @Test func stopBandSinesAreRemoved() {
    let output = Self.resampler(from: 16_000, to: 10_000).resample(Self.sine(frequency: 6500, rate: 16_000, count: 16_000))
    let interior = output[200..<output.count - 200]
    let rms = (interior.map { Double($0 * $0) }.reduce(0, +) / Double(interior.count)).squareRoot()
    #expect(rms < 1e-3 / 2.0.squareRoot())
  }

  /// Output `m` is the dot product of its phase's taps with the zero-padded input from `⌊(m·M + half)/L⌋`,
  /// evaluated here one output at a time in double precision, for signals shorter than the filter, around
  /// its length and longer, and rates with few and with many phases.
  @Test(arguments: [
    (16_000, 1), (16_000, 3), (16_000, 39), (16_000, 40), (16_000, 41), (16_000, 1_000), (44_100, 997), (8_000, 333),
  ])
  func outputsAreTheDirectPolyphaseSums(source: Int, count: Int) {
    let r = Self.resampler(from: source, to: 10_000)
    let input = SyntheticSignals.whiteNoise(count: count, seed: UInt32(count))
    let output = r.resample(input)
    #expect(output.count == r.outputCount(for: count))
    let lead = r.tapsPerPhase - 1
    let worst = output.indices.map { m -> Double in
      let position = m * r.down + r.half, phase = position % r.up, start = position / r.up
      var sum = 0.0
      for s in 0..<r.tapsPerPhase where (0..<count).contains(start + s - lead) {
        sum += Double(r.coefficients[phase * r.tapsPerPhase + s][0]) * Double(input[start + s - lead])
      }
      return abs(Double(output[m]) - sum)
    }.max()!
    #expect(worst < 1e-6)
  }

  /// Asked for some spans of the output only, the resampler writes exactly those samples, with the values
  /// a full conversion gives them.
  @Test func spansAreComputedAloneAndExactly() {
    let r = Self.resampler(from: 16_000, to: 10_000)
    let input = SyntheticSignals.whiteNoise(count: 4_801, seed: 5)
    let full = r.resample(input)
    let spans = [0..<3, 17..<300, 301..<302, 2_000..<2_001, 2_990..<5_000]
    var output = [Float](repeating: .nan, count: full.count)
    var scratch = [Float](repeating: .nan, count: r.scratchCount(for: input.count))
    input.withUnsafeBufferPointer { input in
      r.resample(input, into: &output, scratch: &scratch, only: spans)
    }
    for m in full.indices {
      if spans.contains(where: { $0.contains(m) }) {
        #expect(output[m] == full[m], "sample \(m)")
      } else {
        #expect(output[m].isNaN, "sample \(m) outside the spans")
      }
    }
  }

  /// I₀(0) = 1 and I₀(1) = 1.2660658777520082 (Abramowitz & Stegun, table 9.8).
  @Test func besselMatchesTables() {
    #expect(PolyphaseResampler.besselI0(0) == 1)
    #expect(abs(PolyphaseResampler.besselI0(1) - 1.2660658777520082) < 1e-15)
  }
}
