/// One step of a recipe as written in a recipe file: which transform, and the ranges its parameters
/// are drawn from. `type` selects the transform; the other keys are its settings (snake_case).
///
/// ```yaml
/// - type: background-noise
///   category: car
///   snr_db: [0, 15]
///   snr_definition: active-speech   # or rms
/// ```
public enum TransformSpec: Sendable, Equatable, Codable {
  case backgroundNoise(BackgroundNoiseSpec)
  case telephone(TelephoneSpec)
  case loudness(LoudnessSpec)
  case brightnessContrast(BrightnessContrastSpec)
  case exposure(ExposureSpec)
  case sensorNoise(SensorNoiseSpec)
  case gamma(GammaSpec)
  case gaussianBlur(GaussianBlurSpec)
  case motionBlur(MotionBlurSpec)
  case defocusBlur(DefocusBlurSpec)
  case glare(GlareSpec)

  /// The `type` written in recipe files.
  public var typeName: String {
    switch self {
    case .backgroundNoise: "background-noise"
    case .telephone: "telephone"
    case .loudness: "loudness"
    case .brightnessContrast: "brightness-contrast"
    case .exposure: "exposure"
    case .sensorNoise: "sensor-noise"
    case .gamma: "gamma"
    case .gaussianBlur: "gaussian-blur"
    case .motionBlur: "motion-blur"
    case .defocusBlur: "defocus-blur"
    case .glare: "glare"
    }
  }

  public var modality: Modality {
    switch self {
    case .backgroundNoise, .telephone, .loudness: .audio
    case .brightnessContrast, .exposure, .sensorNoise, .gamma, .gaussianBlur, .motionBlur, .defocusBlur, .glare: .image
    }
  }

  static let typeNames = [
    "background-noise", "telephone", "loudness", "brightness-contrast", "exposure", "sensor-noise", "gamma", "gaussian-blur", "motion-blur",
    "defocus-blur", "glare",
  ]

  private enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
    switch type {
    case "background-noise": self = .backgroundNoise(try BackgroundNoiseSpec(from: decoder))
    case "telephone": self = .telephone(try TelephoneSpec(from: decoder))
    case "loudness": self = .loudness(try LoudnessSpec(from: decoder))
    case "brightness-contrast": self = .brightnessContrast(try BrightnessContrastSpec(from: decoder))
    case "exposure": self = .exposure(try ExposureSpec(from: decoder))
    case "sensor-noise": self = .sensorNoise(try SensorNoiseSpec(from: decoder))
    case "gamma": self = .gamma(try GammaSpec(from: decoder))
    case "gaussian-blur": self = .gaussianBlur(try GaussianBlurSpec(from: decoder))
    case "motion-blur": self = .motionBlur(try MotionBlurSpec(from: decoder))
    case "defocus-blur": self = .defocusBlur(try DefocusBlurSpec(from: decoder))
    case "glare": self = .glare(try GlareSpec(from: decoder))
    default:
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath + [TypeKey.type],
          debugDescription: "unknown transform type “\(type)”; known: \(Self.typeNames.joined(separator: ", "))"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: TypeKey.self)
    try container.encode(typeName, forKey: .type)
    switch self {
    case .backgroundNoise(let spec): try spec.encode(to: encoder)
    case .telephone(let spec): try spec.encode(to: encoder)
    case .loudness(let spec): try spec.encode(to: encoder)
    case .brightnessContrast(let spec): try spec.encode(to: encoder)
    case .exposure(let spec): try spec.encode(to: encoder)
    case .sensorNoise(let spec): try spec.encode(to: encoder)
    case .gamma(let spec): try spec.encode(to: encoder)
    case .gaussianBlur(let spec): try spec.encode(to: encoder)
    case .motionBlur(let spec): try spec.encode(to: encoder)
    case .defocusBlur(let spec): try spec.encode(to: encoder)
    case .glare(let spec): try spec.encode(to: encoder)
    }
  }
}
