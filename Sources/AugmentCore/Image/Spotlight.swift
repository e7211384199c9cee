import Foundation
import MediaIO

/// A dark scene with the light on the object: the object (``ObjectRegion``) keeps its light, the light
/// falls off around it to a drawn fraction on the surround, and the whole is scaled to a drawn mean
/// luminance. Alpha is untouched.
///
/// Real photographs of dark scenes are dark *around* a lit object; dimming the whole frame (``Exposure``)
/// leaves the background's texture and the object's contrast as they were, only fainter. At a pixel whose
/// Mahalanobis distance from the object's ellipse is `d`, the light is
///
///     L = surround + (1 − surround) · exp(−½ (max(d − plateau, 0) / falloff)²)
///
/// so it is full over the object (`d ≤ plateau`, the edge of a uniformly covered rectangle lying at about
/// 1.7) and falls off over `falloff` standard deviations of the object. Each colour sample becomes
/// `clamp(gain · L · x, 0, 1)`, the gain bringing the mean luma of `L · x` to the target (at most
/// ``Exposure/maximumGain``; it is computed from the input when applied, so replay needs only the
/// parameters). The input's luma and object are its ``analyse(_:)``: a run measures a source's once for
/// all the candidates made from it.
public struct Spotlight: InputAnalysingTransform {
  /// The input's luma and where its object lies.
  public struct Analysis: Sendable {
    let luma: LumaPlane
    public let object: ObjectRegion
  }

  public struct Parameters: Codable, Sendable, Equatable {
    /// The mean luminance aimed at, `0...1`.
    public var targetLuminance: Double
    /// The light on the surround as a fraction of the light on the object, `0...1`.
    public var surround: Double
    /// How far the light reaches past the object, in the object's standard deviations, `0.01...100`.
    public var falloff: Double
    /// The distance up to which the light is full, in the object's standard deviations, `0...100`.
    public var plateau: Double
    /// Where the object is, measured when drawing.
    public var object: ObjectRegion

    public init(targetLuminance: Double, surround: Double, falloff: Double, plateau: Double, object: ObjectRegion) {
      self.targetLuminance = targetLuminance
      self.surround = surround
      self.falloff = falloff
      self.plateau = plateau
      self.object = object
    }
  }

  public static let name = "spotlight"

  /// How the target mean luminance is drawn.
  public var targetLuminance: ParameterDraw
  public var surroundRange: ClosedRange<Double>
  public var falloffRange: ClosedRange<Double>
  public var plateau: Double

  public init(
    targetLuminance: ParameterDraw, surround: ClosedRange<Double>, falloff: ClosedRange<Double>,
    plateau: Double = 2
  ) {
    self.targetLuminance = targetLuminance
    surroundRange = surround
    falloffRange = falloff
    self.plateau = plateau
  }

  public func analyse(_ input: Image) -> Analysis {
    let luma = LumaPlane(input)
    return Analysis(luma: luma, object: ObjectRegion(locatedIn: luma))
  }

  /// Takes the object the analysis located, then draws the target luminance (by its ``ParameterDraw``), the
  /// surround and the falloff (uniformly in their ranges), in this order.
  public func sampleParameters(
    for input: Image, analysis: Analysis, using rng: inout some RandomNumberGenerator
  ) throws -> Parameters {
    let object = analysis.object
    let target = targetLuminance.draw(using: &rng)
    let surround = rng.uniform(in: surroundRange)
    return Parameters(
      targetLuminance: target, surround: surround, falloff: rng.uniform(in: falloffRange), plateau: plateau,
      object: object)
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try apply(parameters, to: input, analysis: Analysis(luma: LumaPlane(input), object: parameters.object))
  }

  public func apply(_ parameters: Parameters, to input: Image, analysis: Analysis) throws -> Image {
    try requireParameter(parameters.targetLuminance, in: 0...1, name: "targetLuminance", transform: Self.name)
    try requireParameter(parameters.surround, in: 0...1, name: "surround", transform: Self.name)
    try requireParameter(parameters.falloff, in: 0.01...100, name: "falloff", transform: Self.name)
    try requireParameter(parameters.plateau, in: 0...100, name: "plateau", transform: Self.name)
    let (width, height) = (input.width, input.height)
    var light = [Double](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        let beyond = max(parameters.object.distance(x: x, y: y) - parameters.plateau, 0) / parameters.falloff
        // exp(−0) is exactly 1: the object's plateau needs no call.
        let falloff = beyond > 0 ? exp(-0.5 * beyond * beyond) : 1
        light[y * width + x] = parameters.surround + (1 - parameters.surround) * falloff
      }
    }
    let litMean = zip(analysis.luma.values, light).reduce(0) { $0 + $1.0 * $1.1 } / Double(max(width * height, 1))
    let gain = litMean > 0 ? min(parameters.targetLuminance / litMean, Exposure.maximumGain) : 1
    var output = input
    let channels = input.channelCount, colorChannels = input.layout.colorChannelCount
    output.pixels.withUnsafeMutableBufferPointer { samples in
      for p in 0..<(width * height) {
        let scale = Float(gain * light[p])
        for c in 0..<colorChannels {
          samples[p * channels + c] = min(max(samples[p * channels + c] * scale, 0), 1)
        }
      }
    }
    return output
  }
}
