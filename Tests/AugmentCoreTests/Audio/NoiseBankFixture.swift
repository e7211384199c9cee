import Foundation
import MediaIO

@testable import AugmentCore

/// A small noise bank written to a temporary folder, removed when released.
///
/// - `car-noise/hum-16k.wav`: 4 s mono PCM16 at 16 kHz, low-passed noise with an engine hum.
/// - `car-noise/road-44k-stereo.wav`: 3 s stereo float at 44.1 kHz, different noise in each channel.
/// - `car-noise/broken.wav`: text named `.wav`, which the index must reject by name.
/// - `car-noise/.hidden.wav` and `car-noise/notes.txt`: not clips.
/// - `people-noise/babble-short.flac`: 0.7 s of noise with a ramp, so it must be looped.
/// - `white/white-6s.wav`: 6 s of Gaussian white noise (float WAV), for level measurements.
final class NoiseBankFixture {
  let root: URL
  static let sampleRate = 16_000

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("augment-noise-bank-\(UUID().uuidString)")
    for folder in ["car-noise", "people-noise", "white"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let rate = Self.sampleRate
    var hum = Self.lowPassedNoise(seconds: 4, sampleRate: rate, seed: 1, cutoff: 800)
    for n in hum.indices { hum[n] += 0.05 * Float(sin(2 * Double.pi * 90 * Double(n) / Double(rate))) }
    try write([hum], rate: rate, to: "car-noise/hum-16k.wav")
    try write(
      [
        Self.lowPassedNoise(seconds: 3, sampleRate: 44_100, seed: 2, cutoff: 2000),
        Self.lowPassedNoise(seconds: 3, sampleRate: 44_100, seed: 3, cutoff: 2000),
      ], rate: 44_100, to: "car-noise/road-44k-stereo.wav", as: .wavFloat32)
    try Data("not audio at all\n".utf8).write(to: root.appendingPathComponent("car-noise/broken.wav"))
    try write([hum], rate: rate, to: "car-noise/.hidden.wav")
    try Data("recorded on the A4\n".utf8).write(to: root.appendingPathComponent("car-noise/notes.txt"))
    try write([Self.shortLoopClip(sampleRate: rate)], rate: rate, to: "people-noise/babble-short.flac")
    try write([Self.whiteNoise(seconds: 6, sampleRate: rate, seed: 4)], rate: rate, to: "white/white-6s.wav", as: .wavFloat32)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func url(_ clip: String) -> URL { root.appendingPathComponent(clip) }

  func write(_ channels: [[Float]], rate: Int, to clip: String, as format: AudioWriteFormat? = nil) throws {
    try AudioFile.write(AudioBuffer(channels: channels, sampleRate: rate), to: url(clip), as: format)
  }

  /// Gaussian white noise (Box–Muller over xoshiro draws) with RMS 0.1.
  static func whiteNoise(seconds: Double, sampleRate: Int, seed: UInt64) -> [Float] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<Int(seconds * Double(sampleRate))).map { _ in
      let u = max(rng.unitDouble(), .leastNormalMagnitude), v = rng.unitDouble()
      return Float(0.1 * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }
  }

  /// White noise through two one-pole low-passes at `cutoff`, scaled to RMS 0.1: smooth from sample to sample.
  static func lowPassedNoise(seconds: Double, sampleRate: Int, seed: UInt64, cutoff: Double) -> [Float] {
    var noise = whiteNoise(seconds: seconds, sampleRate: sampleRate, seed: seed)
    let a = Float(exp(-2 * Double.pi * cutoff / Double(sampleRate)))
    for _ in 0..<2 {
      var state: Float = 0
      for n in noise.indices {
        state = a * state + (1 - a) * noise[n]
        noise[n] = state
      }
    }
    SignalMath.scale(&noise, by: Float(0.1 / SignalMath.meanSquare(noise).squareRoot()))
    return noise
  }

  /// 0.7 s of low-passed noise on a ramp from −0.3 to +0.3: its end and start differ by far more than
  /// any step inside it, so a loop without a crossfade would jump at every seam.
  static func shortLoopClip(sampleRate: Int) -> [Float] {
    var clip = lowPassedNoise(seconds: 0.7, sampleRate: sampleRate, seed: 5, cutoff: 200)
    for n in clip.indices { clip[n] += Float(-0.3 + 0.6 * Double(n) / Double(clip.count - 1)) }
    return clip
  }
}
