import Foundation

/// Measures a sinusoid of known frequency by least squares (a cosine and a sine fitted over a window),
/// which needs no FFT and is exact for a pure tone whatever the window length.
enum ToneFit {
  /// The amplitude of the component of `samples[window]` at `frequency`.
  static func amplitude(of samples: [Float], frequency: Double, sampleRate: Int, window: Range<Int>) -> Double {
    let (a, b) = coefficients(samples, frequency: frequency, sampleRate: sampleRate, window: window)
    return (a * a + b * b).squareRoot()
  }

  /// `a, b` minimising Σ (x − a cos ωn − b sin ωn)² over the window.
  static func coefficients(_ samples: [Float], frequency: Double, sampleRate: Int, window: Range<Int>)
    -> (Double, Double)
  {
    let omega = 2 * Double.pi * frequency / Double(sampleRate)
    var cc = 0.0, ss = 0.0, cs = 0.0, xc = 0.0, xs = 0.0
    for n in window {
      let c = cos(omega * Double(n)), s = sin(omega * Double(n)), x = Double(samples[n])
      cc += c * c
      ss += s * s
      cs += c * s
      xc += x * c
      xs += x * s
    }
    let determinant = cc * ss - cs * cs
    return ((xc * ss - xs * cs) / determinant, (xs * cc - xc * cs) / determinant)
  }

  /// A sine of `amplitude` at `frequency`.
  static func tone(frequency: Double, amplitude: Double, seconds: Double, sampleRate: Int) -> [Float] {
    (0..<Int(seconds * Double(sampleRate))).map {
      Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(sampleRate)))
    }
  }
}
