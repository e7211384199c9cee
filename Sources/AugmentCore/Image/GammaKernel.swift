import Foundation
import MediaIO

/// `out = x^γ` on every colour sample (inputs clamped to `0...1` first); alpha copied.
///
/// `pow` is evaluated in `Double` and rounded to `Float`. Samples that sit exactly on a level of the
/// image's bit depth (every sample of a decoded PNG) read the same value from a table built once
/// per image, so the cost is a lookup instead of a `pow` per sample; the result is identical. The
/// loop is scalar: Swift's vector types have no gather, and lane-by-lane table reads from vector
/// registers measured slower.
public struct GammaKernel: ImageRowKernel {
  public let gamma: Double
  private let maxLevel: Float
  /// `Float(level) / maxLevel` for every level: the exact sample a decoded level becomes.
  private let levelSamples: [Float]
  /// `x^γ` for each of those samples.
  private let table: [Float]

  public init(gamma: Double, bitDepth: Image.BitDepth) {
    self.gamma = gamma
    let maxLevel = bitDepth.maxLevel
    self.maxLevel = maxLevel
    levelSamples = (0...Int(maxLevel)).map { Float($0) / maxLevel }
    table = levelSamples.map { Self.power($0, gamma) }
  }

  /// The result for one colour sample, by `pow`.
  public func callAsFunction(_ sample: Float) -> Float { Self.power(sample, gamma) }

  private static func power(_ sample: Float, _ gamma: Double) -> Float {
    Float(pow(Double(min(max(sample, 0), 1)), gamma))
  }

  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    let channels = source.channelCount
    let colorChannels = source.layout.colorChannelCount
    let maxLevel = self.maxLevel
    let gamma = self.gamma
    levelSamples.withUnsafeBufferPointer { levelSamples in
      table.withUnsafeBufferPointer { table in
        source.pixels.withUnsafeBufferPointer { input in
          @inline(__always) func map(_ i: Int) {
            let sample = input[i]
            let level = Int(min(max(sample, 0), 1) * maxLevel + 0.5)
            output[i] = levelSamples[level] == sample ? table[level] : Self.power(sample, gamma)
          }
          let samples = (rows.lowerBound * source.rowStride)..<(rows.upperBound * source.rowStride)
          if colorChannels == channels {
            for i in samples { map(i) }
          } else {
            for base in stride(from: samples.lowerBound, to: samples.upperBound, by: channels) {
              for i in base..<(base + colorChannels) { map(i) }
              output[base + colorChannels] = input[base + colorChannels]
            }
          }
        }
      }
    }
  }
}
