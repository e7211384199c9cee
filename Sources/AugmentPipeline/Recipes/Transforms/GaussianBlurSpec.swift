import AugmentCore

/// `gaussian-blur` by `sigma` in pixels.
public struct GaussianBlurSpec: TransformDescriptor {
  public typealias Step = GaussianBlur

  public var sigma: ParameterRange
  public init(sigma: ParameterRange) { self.sigma = sigma }

  public static let modality = Modality.image
  public static let summary = "Out of focus: a separable Gaussian blur."
  public static let fields = [
    ParameterField(key: "sigma", value: .range(0...50, unit: "px"), required: true, doc: "the blur's standard deviation")
  ]
  public static let example = GaussianBlurSpec(sigma: .init(0.6, 1.6))

  public var description: String { "sigma \(sigma) px" }

  /// More blur, less detail: the outputs' sharpness (log₁₀ of 1 + the variance of the Laplacian) follows the members'.
  public var counterpart: CounterpartParameter? {
    CounterpartParameter(key: "sigma", feature: "log_sharpness", range: sigma)
  }

  public func makeStep(in context: TransformContext) throws -> GaussianBlur {
    GaussianBlur(sigma: context.draw(for: Self.self, over: sigma))
  }
}
