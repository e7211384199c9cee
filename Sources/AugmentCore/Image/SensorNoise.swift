import Foundation
import MediaIO

/// A camera sensor's read noise: zero-mean Gaussian noise of drawn standard deviation added to every colour
/// sample (alpha untouched), saturating at 0 and 1. Dim-light photographs show it, so a darkened image
/// without it looks unnaturally clean.
///
/// The noise comes from its own generator seeded by a recorded `noiseSeed`, drawn by the ziggurat method
/// (``StandardNormal``) and filled in row-major order, so replaying the parameters reproduces every sample
/// exactly.
public struct SensorNoise: Transform {
  public struct Parameters: Codable, Sendable, Equatable {
    /// Standard deviation as a fraction of full scale, `0...0.5`.
    public var sigma: Double
    public var noiseSeed: UInt64

    public init(sigma: Double, noiseSeed: UInt64) {
      self.sigma = sigma
      self.noiseSeed = noiseSeed
    }
  }

  public static let name = "sensor-noise"

  public var sigmaRange: ClosedRange<Double>

  public init(sigma: ClosedRange<Double> = 0.005...0.02) {
    sigmaRange = sigma
  }

  /// Draws `sigma` uniformly in its range, then the seed of the noise field.
  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let sigma = rng.uniform(in: sigmaRange)
    return Parameters(sigma: sigma, noiseSeed: rng.next())
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try requireParameter(parameters.sigma, in: 0...0.5, name: "sigma", transform: Self.name)
    var output = input
    var rng = Xoshiro256StarStar(seed: parameters.noiseSeed)
    let channels = input.channelCount, colorChannels = input.layout.colorChannelCount
    let sigma = parameters.sigma
    output.pixels.withUnsafeMutableBufferPointer { samples in
      // Pixel by pixel over the colour channels, skipping alpha without a division per sample.
      var (pixel, channel) = (0, 0)
      StandardNormal.draw(samples.count / channels * colorChannels, using: &rng) { noise in
        let index = pixel + channel
        samples[index] = Float(min(max(Double(samples[index]) + sigma * noise, 0), 1))
        channel += 1
        if channel == colorChannels { (pixel, channel) = (pixel + channels, 0) }
      }
    }
    return output
  }
}
