import Foundation
import MediaIO

/// `out = x^γ` on every colour sample (inputs clamped to `0...1` first); alpha copied.
///
/// `pow` is evaluated in `Double` and rounded to `Float`. Samples that sit exactly on a level of the
/// image's bit depth (every sample of a decoded PNG) read the same value from a table built once
/// per image, so the cost is a lookup instead of a `pow` per sample; the result is identical.
public struct GammaKernel: ColorPointOperation {
  public let gamma: Double
  private let maxLevel: Float
  private let table: [Float]

  public init(gamma: Double, bitDepth: Image.BitDepth) {
    self.gamma = gamma
    maxLevel = bitDepth.maxLevel
    let levels = Int(bitDepth.maxLevel)
    table = (0...levels).map { [maxLevel] level in Self.power(Float(level) / maxLevel, gamma) }
  }

  private static func power(_ sample: Float, _ gamma: Double) -> Float {
    Float(pow(Double(min(max(sample, 0), 1)), gamma))
  }

  func transform(_ sample: Float) -> Float {
    let level = (sample * maxLevel).rounded()
    if level >= 0, level <= maxLevel, level / maxLevel == sample { return table[Int(level)] }
    return Self.power(sample, gamma)
  }

  func transform(_ samples: FloatVector) -> FloatVector {
    var result = FloatVector()
    for lane in 0..<FloatVector.scalarCount { result[lane] = transform(samples[lane]) }
    return result
  }
}
