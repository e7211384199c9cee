/// `brightness-contrast`: `out = (1 + contrast) · (x − pivot) + pivot + brightness`, saturating
/// (albumentations' RandomBrightnessContrast convention, brightness as a fraction of full scale).
public struct BrightnessContrastSpec: Sendable, Equatable, Codable {
  public var brightness: ParameterRange
  public var contrast: ParameterRange
  /// `zero` (albumentations' default), `mean` (the image's mean), `mid-grey` (0.5) or `white` (1: lowering
  /// contrast washes the image out towards white).
  public var pivot: ContrastPivotName

  public init(brightness: ParameterRange, contrast: ParameterRange, pivot: ContrastPivotName = .zero) {
    self.brightness = brightness
    self.contrast = contrast
    self.pivot = pivot
  }

  enum CodingKeys: String, CodingKey { case brightness, contrast, pivot }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    brightness = try container.decodeIfPresent(ParameterRange.self, forKey: .brightness) ?? .init(0, 0)
    contrast = try container.decodeIfPresent(ParameterRange.self, forKey: .contrast) ?? .init(0, 0)
    pivot = try container.decodeIfPresent(ContrastPivotName.self, forKey: .pivot) ?? .zero
  }
}

/// The point contrast scales about, as written in recipe files.
public enum ContrastPivotName: String, Sendable, Codable {
  case zero, mean, white
  case midGrey = "mid-grey"
}

/// `exposure`: the gain that brings the image's mean luminance to a target drawn from `target_luminance`
/// (0…1), as less or more light on the scene would. A run draws the target from the real slice members'
/// luminance range instead, when the table has members.
public struct ExposureSpec: Sendable, Equatable, Codable {
  public var targetLuminance: ParameterRange
  public init(targetLuminance: ParameterRange) { self.targetLuminance = targetLuminance }
  enum CodingKeys: String, CodingKey { case targetLuminance = "target_luminance" }
}

/// `sensor-noise`: Gaussian read noise of standard deviation `sigma` (a fraction of full scale).
public struct SensorNoiseSpec: Sendable, Equatable, Codable {
  public var sigma: ParameterRange
  public init(sigma: ParameterRange) { self.sigma = sigma }
}

/// `gamma`: `out = x^gamma`.
public struct GammaSpec: Sendable, Equatable, Codable {
  public var gamma: ParameterRange
  public init(gamma: ParameterRange) { self.gamma = gamma }
}

/// `gaussian-blur` by `sigma` in pixels.
public struct GaussianBlurSpec: Sendable, Equatable, Codable {
  public var sigma: ParameterRange
  public init(sigma: ParameterRange) { self.sigma = sigma }
}

/// `motion-blur`: a line kernel `length` pixels long at `angle` degrees.
public struct MotionBlurSpec: Sendable, Equatable, Codable {
  public var length: ParameterRange
  public var angle: ParameterRange
  public init(length: ParameterRange, angle: ParameterRange = .init(0, 180)) {
    self.length = length
    self.angle = angle
  }
}

/// `defocus-blur`: a disk kernel of `radius` pixels.
public struct DefocusBlurSpec: Sendable, Equatable, Codable {
  public var radius: ParameterRange
  public init(radius: ParameterRange) { self.radius = radius }
}

/// `glare`: a soft specular highlight, a Gaussian ellipse screen-blended over the image, of drawn peak
/// `strength` (0…1), widths `radius_along` and `radius_across` (fractions of the image diagonal) and
/// direction `angle` (degrees); its centre is drawn anywhere in the middle 60 % of the frame.
public struct GlareSpec: Sendable, Equatable, Codable {
  public var strength: ParameterRange
  public var radiusAlong: ParameterRange
  public var radiusAcross: ParameterRange
  public var angle: ParameterRange

  public init(
    strength: ParameterRange, radiusAlong: ParameterRange = .init(0.1, 0.4),
    radiusAcross: ParameterRange = .init(0.02, 0.1), angle: ParameterRange = .init(0, 180)
  ) {
    self.strength = strength
    self.radiusAlong = radiusAlong
    self.radiusAcross = radiusAcross
    self.angle = angle
  }

  enum CodingKeys: String, CodingKey {
    case strength, angle, radiusAlong = "radius_along", radiusAcross = "radius_across"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    strength = try container.decode(ParameterRange.self, forKey: .strength)
    radiusAlong = try container.decodeIfPresent(ParameterRange.self, forKey: .radiusAlong) ?? .init(0.1, 0.4)
    radiusAcross = try container.decodeIfPresent(ParameterRange.self, forKey: .radiusAcross) ?? .init(0.02, 0.1)
    angle = try container.decodeIfPresent(ParameterRange.self, forKey: .angle) ?? .init(0, 180)
  }
}
