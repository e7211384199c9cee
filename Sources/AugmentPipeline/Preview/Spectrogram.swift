import AugmentCore
import Foundation
import MediaIO

/// A log-magnitude spectrogram drawn as an 8-bit RGB image: time from left to right, frequency from 0 Hz at
/// the bottom row to the Nyquist frequency at the top, level in dB relative to full scale through ``Colormap/magma``.
///
/// Every clip is mixed to mono and brought to 16 kHz first, so all spectrograms share one frequency axis
/// (0–8 kHz, where speech lives) and one level scale: a source and its augmented version can be compared
/// pixel for pixel, and a band-limited output shows its empty upper band.
enum Spectrogram {
  static let sampleRate = 16_000
  /// Samples per analysis frame: 32 ms at 16 kHz, bins 31.25 Hz apart.
  static let frameLength = 512
  /// Samples between frame starts: 8 ms, a 75 % overlap.
  static let hop = 128
  /// Levels from this many dB below full scale up to 0 dBFS get colours; quieter is drawn as the darkest.
  static let dynamicRange: Float = 80
  /// One rendered image row per frequency bin.
  static var binCount: Int { frameLength / 2 + 1 }

  private static let plan = RealFFTPlan(count: frameLength)
  private static let window = Window.hanning(count: frameLength)
  /// Scales magnitudes so a full-scale sine centred on a bin reads 0 dB: its peak is `Σw / 2`.
  private static let fullScale = 2 / window.reduce(0, +)
  private static let colors = Colormap.magma.table(levels: 256)

  /// The spectrogram of `audio`, one column per frame.
  static func image(of audio: AudioBuffer) throws -> Image {
    let samples = try Resampler.resample(AudioBuffer(mono: mono(audio), sampleRate: audio.sampleRate), to: sampleRate)
      .channels[0]
    let frames = samples.count <= frameLength ? 1 : 1 + (samples.count - frameLength + hop - 1) / hop
    // The last frame reads past the end; zero padding keeps every frame a full FFT.
    var padded = samples + [Float](repeating: 0, count: (frames - 1) * hop + frameLength - samples.count)
    var pixels = [Float](repeating: 0, count: frames * binCount * 3)
    var windowed = [Float](repeating: 0, count: frameLength)
    var real = [Float](repeating: 0, count: binCount), imaginary = [Float](repeating: 0, count: binCount)
    let rows = binCount, floor = -dynamicRange, levels = Float(colors.count - 1)
    let scale = fullScale * fullScale
    padded.withUnsafeMutableBufferPointer { signal in
      window.withUnsafeBufferPointer { window in
        windowed.withUnsafeMutableBufferPointer { windowed in
          real.withUnsafeMutableBufferPointer { real in
            imaginary.withUnsafeMutableBufferPointer { imaginary in
              pixels.withUnsafeMutableBufferPointer { pixels in
                for frame in 0..<frames {
                  Window.apply(window, to: signal.baseAddress! + frame * hop, into: windowed.baseAddress!)
                  plan.forward(UnsafeBufferPointer(windowed), real: real.baseAddress!, imaginary: imaginary.baseAddress!)
                  for bin in 0..<rows {
                    let power = (real[bin] * real[bin] + imaginary[bin] * imaginary[bin]) * scale
                    let decibels = 10 * log10(max(power, 1e-20))
                    let level = min(max((decibels - floor) / dynamicRange, 0), 1)
                    let color = colors[Int(level * levels + 0.5)]
                    let pixel = ((rows - 1 - bin) * frames + frame) * 3
                    pixels[pixel] = color.x
                    pixels[pixel + 1] = color.y
                    pixels[pixel + 2] = color.z
                  }
                }
              }
            }
          }
        }
      }
    }
    return Image(width: frames, height: rows, layout: .rgb, bitDepth: .eight, pixels: pixels)
  }

  /// The mean of the channels.
  private static func mono(_ audio: AudioBuffer) -> [Float] {
    guard audio.channelCount > 1 else { return audio.channels[0] }
    var sum = [Float](repeating: 0, count: audio.frameCount)
    for channel in audio.channels {
      for i in 0..<sum.count { sum[i] += channel[i] }
    }
    let share = 1 / Float(audio.channelCount)
    return sum.map { $0 * share }
  }
}
