import Foundation
import MediaIO

/// A soft white highlight laid over the image with a screen blend; alpha untouched.
///
/// The highlight is an elliptical Gaussian: at a pixel centre whose offset from the highlight's centre
/// is `u` pixels along its axis and `v` across, `h = strength · exp(−½ (u²/σ_along² + v²/σ_across²))`.
/// Each colour sample becomes `1 − (1 − x)(1 − h)`, which brightens like light added on glass: black
/// takes the highlight's value, white stays white, and nothing overshoots.
public struct GlareKernel: ImageRowKernel {
  public let parameters: Glare.Parameters
  private let centre: SIMD2<Double>
  /// The axis directions divided by the Gaussian widths, so a dot product gives `u / σ` directly.
  private let along: SIMD2<Double>
  private let across: SIMD2<Double>

  /// The highlight for an image of `width` × `height` pixels (sizes are fractions of its diagonal).
  public init(parameters: Glare.Parameters, width: Int, height: Int) {
    self.parameters = parameters
    let diagonal = Double(width * width + height * height).squareRoot()
    centre = SIMD2(parameters.centerX * Double(width), parameters.centerY * Double(height))
    let radians = parameters.angle * .pi / 180
    along = SIMD2(cos(radians), -sin(radians)) / (parameters.radiusAlong * diagonal)
    across = SIMD2(sin(radians), cos(radians)) / (parameters.radiusAcross * diagonal)
  }

  public func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) {
    let channels = source.channelCount
    let colorChannels = source.layout.colorChannelCount
    let strength = parameters.strength
    source.pixels.withUnsafeBufferPointer { pixels in
      for y in rows {
        for x in 0..<source.width {
          let offset = SIMD2(Double(x) + 0.5, Double(y) + 0.5) - centre
          let u = (offset * along).sum()
          let v = (offset * across).sum()
          let highlight = Float(strength * exp(-0.5 * (u * u + v * v)))
          let base = (y * source.width + x) * channels
          for c in 0..<colorChannels {
            let sample = pixels[base + c]
            output[base + c] = min(max(1 - (1 - sample) * (1 - highlight), 0), 1)
          }
          if colorChannels < channels { output[base + colorChannels] = pixels[base + colorChannels] }
        }
      }
    }
  }
}
