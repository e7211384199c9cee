import AugmentCore

/// `brightness-contrast`: `out = (1 + contrast) · (x − pivot) + pivot + brightness`, saturating
/// (albumentations' RandomBrightnessContrast convention, brightness as a fraction of full scale).
public struct BrightnessContrastSpec: TransformDescriptor {
  public typealias Step = BrightnessContrast

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

  public static let modality = Modality.image
  public static let summary = "Brightness shift and contrast scale about a pivot, saturating."
  public static let fields = [
    ParameterField(key: "brightness", value: .range(-1...1, unit: "of full scale"), doc: "added (default 0)"),
    ParameterField(
      key: "contrast", value: .range(-1...10, unit: "(1 + contrast scales the contrast)"), doc: "default 0"),
    ParameterField(
      key: "pivot", value: .choice(["zero", "mean", "mid-grey", "white"]), doc: "what contrast scales about (default zero)"),
  ]
  public static let example = BrightnessContrastSpec(brightness: .init(0, 0.05), contrast: .init(-0.75, -0.45), pivot: .white)

  public var description: String { "brightness \(brightness), contrast \(contrast) about \(pivot.rawValue)" }

  public func makeStep(in context: TransformContext) throws -> BrightnessContrast {
    let pivot: BrightnessContrast.Pivot =
      switch self.pivot {
      case .zero: .zero
      case .mean: .mean
      case .midGrey: .midGrey
      case .white: .white
      }
    return BrightnessContrast(brightness: brightness.closed, contrast: contrast.closed, pivot: pivot)
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
