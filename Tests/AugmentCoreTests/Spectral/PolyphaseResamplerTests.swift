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

  /// `Reference/make-resampler-reference.py`: `scipy.signal.resample_poly` with the filter scipy designs
  /// (`firwin`, `kaiser_beta`) from the same transition band and attenuation.
  struct Reference: Decodable {
    struct Case: Decodable {
      var sourceRate: Int
      var count: Int
      var seed: UInt32
      var taps: Int
      var output: [Double]
    }
    var targetRate: Int
    var cases: [Case]
  }

  /// The output equals scipy's `resample_poly`, for signals shorter than the filter, around its length and
  /// longer, and rates with few and with many phases, within 4e-6 of a unit-variance input (measured: at most
  /// 8.1e-7, the `Float` taps and sums).
  @Test func matchesScipyResamplePoly() throws {
    let reference = try ReferenceData.load(Reference.self, "resampler-reference.json")
    #expect(reference.cases.count == 10)
    for entry in reference.cases {
      let r = Self.resampler(from: entry.sourceRate, to: reference.targetRate)
      #expect(2 * r.half + 1 == entry.taps, "\(entry.sourceRate) Hz")
      let output = r.resample(SyntheticSignals.whiteNoise(count: entry.count, seed: entry.seed))
      #expect(output.count == entry.output.count, "\(entry.sourceRate) Hz, \(entry.count) samples")
      let worst = zip(output, entry.output).map { abs(Double($0) - $1) }.max() ?? 0
      #expect(worst < 4e-6, "\(entry.sourceRate) Hz, \(entry.count) samples: \(worst)")
    }
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
