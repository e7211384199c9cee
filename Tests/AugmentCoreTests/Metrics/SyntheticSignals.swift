import Foundation

/// The deterministic test signals of `Reference/synthetic_signals.py`, generated operation for operation
/// (same generator, same float64 expressions in the same order, the same final rounding to Float), so
/// reference values computed in Python on those signals hold for these.
enum SyntheticSignals {
  static let formants: [(Double, Double)] = [(700, 1200), (300, 2300), (500, 900), (400, 2000)]

  /// `count` draws in [0, 1) from the LCG `state = 1664525·state + 1013904223 mod 2³²`, draw = state / 2³².
  static func lcgUniform(count: Int, seed: UInt32) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = 1_664_525 &* state &+ 1_013_904_223
      return Double(state) / 4_294_967_296
    }
  }

  /// Zero-mean, unit-variance noise, `(u₁ + u₂ + u₃ + u₄ − 2)·√3`.
  static func whiteNoise(count: Int, seed: UInt32) -> [Float] {
    let u = lcgUniform(count: 4 * count, seed: seed)
    let root3 = 3.0.squareRoot()
    return (0..<count).map { i in
      let sum: Double = u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3]
      return Float((sum - 2) * root3)
    }
  }

  /// Voiced 250 ms syllables (every fifth a pause) under a sin² envelope, harmonics of `f0` below 4.5 kHz
  /// weighted `1/h` and boosted around two formants per syllable, silent for `lead` seconds at both ends.
  static func speechLike(
    sampleRate: Int, seconds: Double, f0: Double, offset: Double = 0, lead: Double = 0.25
  ) -> [Float] {
    let count = Int((seconds * Double(sampleRate)).rounded(.toNearestOrEven))
    var harmonics: [Double] = []
    var h = 1.0
    while h * f0 < 4500 {
      harmonics.append(h)
      h += 1
    }
    return (0..<count).map { i in
      let t = Double(i) / Double(sampleRate)
      let s = t - lead + offset
      let syllable = (s * 4).rounded(.down)
      let phase = s * 4 - syllable
      let index = Int(syllable)
      let silent = t < lead || t >= seconds - lead || ((index % 5) + 5) % 5 == 4
      let envelope = silent ? 0 : pow(sin(Double.pi * phase), 2)
      let (first, second) = formants[((index % 4) + 4) % 4]
      var value = 0.0
      for h in harmonics {
        let frequency = h * f0
        let a = (frequency - first) / 150, b = (frequency - second) / 300
        let weight = (1 / h) * (1 + 4 * exp(-(a * a)) + 3 * exp(-(b * b)))
        value = value + weight * sin(2 * Double.pi * frequency * t)
      }
      return Float(0.1 * envelope * value)
    }
  }

  /// Four speech-like voices (f0 100, 140, 180, 230 Hz) with staggered syllables, summed.
  static func babble(sampleRate: Int, seconds: Double) -> [Float] {
    let voices: [(Double, Double)] = [(100, 0), (140, 0.37), (180, 0.81), (230, 1.13)]
    var total = [Double](repeating: 0, count: Int((seconds * Double(sampleRate)).rounded(.toNearestOrEven)))
    for (f0, offset) in voices {
      let voice = speechLike(sampleRate: sampleRate, seconds: seconds, f0: f0, offset: offset, lead: 0)
      for i in total.indices { total[i] = total[i] + Double(voice[i]) }
    }
    return total.map { Float($0) }
  }

  /// `clean + g·noise`, `g = sqrt(Σclean² / Σnoise²)·10^(−snr/20)` in Double, rounded to Float: the
  /// plain-RMS SNR over the whole clip. `noise` must be at least as long as `clean`; its head is used.
  static func mix(clean: [Float], noise: [Float], snr: Double) -> [Float] {
    var cleanEnergy = 0.0, noiseEnergy = 0.0
    for i in clean.indices {
      cleanEnergy += Double(clean[i]) * Double(clean[i])
      noiseEnergy += Double(noise[i]) * Double(noise[i])
    }
    let gain = (cleanEnergy / noiseEnergy).squareRoot() * pow(10, -snr / 20)
    return clean.indices.map { Float(Double(clean[$0]) + gain * Double(noise[$0])) }
  }
}

extension SyntheticSignals {
  /// Zero-mean, unit-variance Gaussian noise by Box–Muller from consecutive LCG draws `u₁, u₂`:
  /// `sqrt(−2·ln((u₁·2³² + 0.5)/2³²))·cos(2π·u₂)`.
  static func gaussianNoise(count: Int, seed: UInt32) -> [Float] {
    let u = lcgUniform(count: 2 * count, seed: seed)
    return (0..<count).map { i in
      let radius = (-2 * log((u[2 * i] * 4_294_967_296 + 0.5) / 4_294_967_296)).squareRoot()
      return Float(radius * cos(2 * Double.pi * u[2 * i + 1]))
    }
  }
}
