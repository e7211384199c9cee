import AugmentCore

/// `jpeg-compression`: the image encoded as a JPEG at a quality drawn from `quality` and decoded again.
public struct JPEGCompressionSpec: TransformDescriptor {
  public typealias Step = JPEGCompression

  /// libjpeg's quality, 1–100; a whole number is drawn from the whole numbers in the range.
  public var quality: ParameterRange
  public init(quality: ParameterRange) { self.quality = quality }

  public static let modality = Modality.image
  public static let summary = "JPEG compression artefacts: blocking, ringing and colour bleeding at a drawn quality."
  public static let fields = [
    ParameterField(
      key: "quality", value: .range(1...100, unit: "(libjpeg quality)"), required: true,
      doc: "the JPEG quality drawn, a whole number")
  ]
  public static let example = JPEGCompressionSpec(quality: .init(20, 50))

  public var description: String { "JPEG quality \(quality)" }

  /// - Throws: ``ImageTransformError`` when the range holds no whole number in 1…100.
  public func makeStep(in context: TransformContext) throws -> JPEGCompression {
    let low = Int(quality.lower.rounded(.up)), high = Int(quality.upper.rounded(.down))
    guard low <= high else {
      throw ImageTransformError.parameterOutOfRange(
        transform: Self.name, name: "quality", value: quality.lower, expected: "a range holding a whole number")
    }
    return try JPEGCompression(quality: low...high)
  }
}
