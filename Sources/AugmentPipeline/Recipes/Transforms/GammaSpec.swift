import AugmentCore

/// `gamma`: `out = x^gamma`.
public struct GammaSpec: TransformDescriptor {
  public typealias Step = Gamma

  public var gamma: ParameterRange
  public init(gamma: ParameterRange) { self.gamma = gamma }

  public static let modality = Modality.image
  public static let summary = "A power law on every channel: out = x^gamma."
  public static let fields = [
    ParameterField(key: "gamma", value: .range(0.1...10, unit: ""), required: true, doc: "the exponent drawn")
  ]
  public static let example = GammaSpec(gamma: .init(0.8, 1.2))

  public var description: String { "gamma \(gamma)" }

  public func makeStep(in context: TransformContext) throws -> Gamma { Gamma(gamma: gamma.closed) }
}
