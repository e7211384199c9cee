import Foundation
import Testing

@testable import MediaIO

@Suite struct ResamplerTests {
  /// `a, b` minimising Σ (x − a cos ωn − b sin ωn)² over `window`: the tone at `frequency`, fitted by
  /// least squares (exact for a pure tone over any window, so no FFT or window function is needed).
  static func fit(_ x: [Float], frequency: Double, sampleRate: Int, window: Range<Int>) -> (a: Double, b: Double) {
    let omega = 2 * Double.pi * frequency / Double(sampleRate)
    var cc = 0.0, ss = 0.0, cs = 0.0, xc = 0.0, xs = 0.0
    for n in window {
      let c = cos(omega * Double(n)), s = sin(omega * Double(n)), v = Double(x[n])
      cc += c * c
      ss += s * s
      cs += c * s
      xc += v * c
      xs += v * s
    }
    let determinant = cc * ss - cs * cs
    return ((xc * ss - xs * cs) / determinant, (xs * cc - xc * cs) / determinant)
  }

  static func tone(_ frequency: Double, amplitude: Double, seconds: Double, sampleRate: Int) -> [Float] {
    (0..<Int(seconds * Double(sampleRate))).map {
      Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(sampleRate)))
    }
  }

  /// A 1 kHz tone resampled 44.1 → 16 kHz is still a 1 kHz tone of the same amplitude, and everything
  /// else left in the output (aliases, imaging, distortion) is more than 60 dB below it.
  @Test func oneKilohertzStaysPureAt16kHz() throws {
    let input = AudioBuffer(mono: Self.tone(1000, amplitude: 0.5, seconds: 2, sampleRate: 44_100), sampleRate: 44_100)
    let output = try Resampler.resample(input, to: 16_000)
    #expect(output.sampleRate == 16_000 && output.frameCount == 32_000)
    let y = output.channels[0]
    let window = 4_000..<28_000
    let (a, b) = Self.fit(y, frequency: 1000, sampleRate: 16_000, window: window)
    #expect(abs(20 * log10((a * a + b * b).squareRoot() / 0.5)) < 0.01)
    let omega = 2 * Double.pi * 1000 / 16_000
    var residual = 0.0, signal = 0.0
    for n in window {
      let fitted = a * cos(omega * Double(n)) + b * sin(omega * Double(n))
      residual += pow(Double(y[n]) - fitted, 2)
      signal += fitted * fitted
    }
    let residualDB = 10 * log10(residual / signal)
    #expect(residualDB < -60, "everything but 1 kHz is at \(residualDB) dB")
  }

  /// A 12 kHz tone cannot exist at 16 kHz; without the anti-alias filter it would fold to 4 kHz.
  /// Mixed with the 1 kHz tone, the fold-back stays more than 60 dB below the 1 kHz tone.
  @Test func toneAboveNewNyquistDoesNotAlias() throws {
    let low = Self.tone(1000, amplitude: 0.4, seconds: 2, sampleRate: 44_100)
    let high = Self.tone(12_000, amplitude: 0.4, seconds: 2, sampleRate: 44_100)
    let input = AudioBuffer(mono: zip(low, high).map { $0 + $1 }, sampleRate: 44_100)
    let y = try Resampler.resample(input, to: 16_000).channels[0]
    let window = 4_000..<28_000
    func level(_ frequency: Double) -> Double {
      let (a, b) = Self.fit(y, frequency: frequency, sampleRate: 16_000, window: window)
      return 20 * log10((a * a + b * b).squareRoot())
    }
    let alias = level(4000) - level(1000)
    #expect(alias < -60, "alias at 4 kHz: \(alias) dB")
    #expect(abs(level(1000) - 20 * log10(0.4)) < 0.01)
  }

  @Test func sameRateIsUnchangedAndChannelsStayApart() throws {
    let left = Self.tone(440, amplitude: 0.3, seconds: 0.5, sampleRate: 16_000)
    let buffer = AudioBuffer(channels: [left, [Float](repeating: 0, count: left.count)], sampleRate: 16_000)
    #expect(try Resampler.resample(buffer, to: 16_000) == buffer)
    let up = try Resampler.resample(buffer, to: 48_000)
    #expect(up.channelCount == 2 && up.frameCount == 24_000)
    #expect(up.channels[1].allSatisfy { $0 == 0 })
  }
}
