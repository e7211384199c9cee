import AugmentCore

/// Every transform a recipe may use and a manifest may name: one line per transform.
public enum TransformRegistry {
  public static let all: [any TransformDescriptor.Type] = [
    BackgroundNoiseSpec.self,
    TelephoneSpec.self,
    LoudnessSpec.self,
    ImpulseResponseSpec.self,
    CodecSpec.self,
    BrightnessContrastSpec.self,
    ExposureSpec.self,
    SensorNoiseSpec.self,
    GammaSpec.self,
    GaussianBlurSpec.self,
    MotionBlurSpec.self,
    DefocusBlurSpec.self,
    GlareSpec.self,
    JPEGCompressionSpec.self,
    SpotlightSpec.self,
  ]

  /// The registered names, in registry order.
  public static var names: [String] { all.map { $0.name } }

  /// The transform of a recipe's `type` or a manifest record's `name`.
  public static func descriptor(named name: String) -> (any TransformDescriptor.Type)? {
    all.first { $0.name == name }
  }
}
