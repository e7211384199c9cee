/// `brightness-contrast`: `out = (1 + contrast) · (x − pivot) + pivot + brightness`, saturating
/// (albumentations' RandomBrightnessContrast convention, brightness as a fraction of full scale).
public struct BrightnessContrastSpec: Sendable, Equatable, Codable {
  public var brightness: ParameterRange
  public var contrast: ParameterRange
  /// `zero` (albumentations' default), `mean` (the image's mean) or `mid-grey` (0.5).
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
  case zero, mean
  case midGrey = "mid-grey"
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

/// `glare`: a soft specular highlight of drawn `strength` (0…1) and `size` (fraction of the shorter side).
public struct GlareSpec: Sendable, Equatable, Codable {
  public var strength: ParameterRange
  public var size: ParameterRange
  public init(strength: ParameterRange, size: ParameterRange = .init(0.2, 0.5)) {
    self.strength = strength
    self.size = size
  }
}
