import AugmentCore

/// `defocus-blur`: a disk kernel of `radius` pixels.
public struct DefocusBlurSpec: TransformDescriptor {
  public typealias Step = DefocusBlur

  public var radius: ParameterRange
  public init(radius: ParameterRange) { self.radius = radius }

  public static let modality = Modality.image
  public static let summary = "A lens out of focus: a disk kernel."
  public static let fields = [
    ParameterField(key: "radius", value: .range(0...50, unit: "px"), required: true, doc: "the disk's radius")
  ]
  public static let example = DefocusBlurSpec(radius: .init(1, 3))

  public var description: String { "radius \(radius) px" }

  public func makeStep(in context: TransformContext) throws -> DefocusBlur { DefocusBlur(radius: radius.closed) }
}
