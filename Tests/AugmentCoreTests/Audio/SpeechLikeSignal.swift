import Foundation

@testable import AugmentCore

/// A deterministic stand-in for speech: words of 2–4 voiced syllables separated by pauses.
///
/// Each syllable is a harmonic series (partials up to 4 kHz, amplitude 1/k with a gentle formant-like
/// boost near 500 Hz and 1.5 kHz) on a fundamental between 100 and 220 Hz that glides by up to ±15 %,
/// under a raised-cosine envelope of 120–280 ms (about four syllables a second). Words are separated by
/// 150–450 ms of silence, so the signal has the on/off structure that active-level measurement is about.
enum SpeechLikeSignal {
  static func make(seconds: Double, sampleRate: Int, seed: UInt64, peak: Float = 0.5) -> [Float] {
    var rng = Xoshiro256StarStar(seed: seed)
    let total = Int(seconds * Double(sampleRate))
    var samples = [Float](repeating: 0, count: total)
    let rate = Double(sampleRate)
    var position = Int(rng.uniform(in: 0.05...0.15) * rate)
    while position < total {
      for _ in 0..<(2 + rng.index(below: 3)) {
        let length = Int(rng.uniform(in: 0.12...0.28) * rate)
        let f0 = rng.uniform(in: 100...220), glide = rng.uniform(in: -0.15...0.15)
        let loudness = rng.uniform(in: 0.5...1.0)
        var phase = 0.0
        for n in 0..<length where position + n < total {
          let t = Double(n) / Double(length)
          let frequency = f0 * (1 + glide * t)
          phase += 2 * Double.pi * frequency / rate
          let envelope = 0.5 - 0.5 * cos(2 * Double.pi * t)
          var value = 0.0
          var k = 1
          while Double(k) * frequency < 4000 {
            let partial = Double(k) * frequency
            let formant = 1 + 2 * exp(-pow((partial - 500) / 200, 2)) + exp(-pow((partial - 1500) / 300, 2))
            value += formant / Double(k) * sin(Double(k) * phase)
            k += 1
          }
          samples[position + n] = Float(loudness * envelope * value)
        }
        position += length
      }
      position += Int(rng.uniform(in: 0.15...0.45) * rate)
    }
    let scale = peak / max(SignalMath.peak(samples), .leastNormalMagnitude)
    SignalMath.scale(&samples, by: scale)
    return samples
  }
}
