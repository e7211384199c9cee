import AugmentCore

/// `sensor-noise`: Gaussian read noise of standard deviation `sigma` (a fraction of full scale).
public struct SensorNoiseSpec: TransformDescriptor {
  public typealias Step = SensorNoise

  public var sigma: ParameterRange
  public init(sigma: ParameterRange) { self.sigma = sigma }

  public static let modality = Modality.image
  public static let summary = "Gaussian read noise, as a sensor adds in dim light."
  public static let fields = [
    ParameterField(key: "sigma", value: .range(0...1, unit: "of full scale"), required: true, doc: "the noise's standard deviation")
  ]
  public static let example = SensorNoiseSpec(sigma: .init(0.005, 0.02))

  public var description: String { "sigma \(sigma) of full scale" }

  public func makeStep(in context: TransformContext) throws -> SensorNoise { SensorNoise(sigma: sigma.closed) }
}
