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
  private static let framing = Framing(window: Window.hanning(count: frameLength), hop: hop)
  /// Scales power so a full-scale sine centred on a bin reads 0 dB: its magnitude peak is `Σw / 2`.
  private static let fullScalePower: Float = {
    let scale = 2 / framing.window.reduce(0, +)
    return scale * scale
  }()
  private static let colors = Colormap.magma.table(levels: 256)

  /// The spectrogram of `audio`, one column per frame.
  static func image(of audio: AudioBuffer) throws -> Image {
    let mono = AudioBuffer(mono: SignalMath.average(of: audio.channels), sampleRate: audio.sampleRate)
    let samples = try Resampler.resample(mono, to: sampleRate).channels[0]
    let frames = samples.count <= frameLength ? 1 : 1 + (samples.count - frameLength + hop - 1) / hop
    // The last frame reads past the end; zero padding keeps every frame a full FFT.
    let padded = samples + [Float](repeating: 0, count: (frames - 1) * hop + frameLength - samples.count)
    var pixels = [Float](repeating: 0, count: frames * binCount * 3)
    var windowed = [FFTPlan.Lanes](repeating: .zero, count: frameLength)
    var real = [FFTPlan.Lanes](repeating: .zero, count: binCount)
    var imaginary = [FFTPlan.Lanes](repeating: .zero, count: binCount)
    padded.withUnsafeBufferPointer { signal in
      windowed.withUnsafeMutableBufferPointer { windowed in
        real.withUnsafeMutableBufferPointer { real in
          imaginary.withUnsafeMutableBufferPointer { imaginary in
            pixels.withUnsafeMutableBufferPointer { pixels in
              // Eight frames at a time, one per SIMD lane.
              for first in stride(from: 0, to: frames, by: FFTPlan.Lanes.scalarCount) {
                framing.gather(signal, first: first, frameCount: frames, into: windowed.baseAddress!)
                plan.forward(
                  windowed.baseAddress!, samples: frameLength, real: real.baseAddress!,
                  imaginary: imaginary.baseAddress!)
                let lanes = min(FFTPlan.Lanes.scalarCount, frames - first)
                for bin in 0..<binCount {
                  let power = (real[bin] * real[bin] + imaginary[bin] * imaginary[bin]) * fullScalePower
                  // Row 0 is the top of the image: the highest bin.
                  let row = pixels.baseAddress! + (binCount - 1 - bin) * frames * 3
                  for lane in 0..<lanes {
                    let color = color(power: power[lane])
                    let pixel = row + (first + lane) * 3
                    pixel[0] = color.x
                    pixel[1] = color.y
                    pixel[2] = color.z
                  }
                }
              }
            }
          }
        }
      }
    }
    return Image(width: frames, height: binCount, layout: .rgb, bitDepth: .eight, pixels: pixels)
  }

  /// The colour of a power relative to full scale: ``dynamicRange`` dB below it is the darkest, 0 dBFS the brightest.
  private static func color(power: Float) -> SIMD3<Float> {
    let decibels = 10 * log10(max(power, 1e-20))
    let level = min(max((decibels + dynamicRange) / dynamicRange, 0), 1)
    return colors[Int(level * Float(colors.count - 1) + 0.5)]
  }
}
