import AugmentCore

/// One step of a recipe as written in a recipe file: which transform, and the ranges its parameters
/// are drawn from. `type` selects the transform from ``TransformRegistry``; the other keys are its
/// settings (snake_case).
///
/// ```yaml
/// - type: background-noise
///   category: car
///   snr_db: [0, 15]
///   snr_definition: active-speech   # or rms
/// ```
public struct TransformSpec: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The transform's settings; their type is the transform's descriptor.
  public let settings: any TransformDescriptor

  public init(_ settings: some TransformDescriptor) { self.settings = settings }

  /// The `type` written in recipe files and the `name` written in manifests.
  public var typeName: String { type(of: settings).name }

  public var modality: Modality { type(of: settings).modality }

  /// One line with the transform's ranges, as `augment recipes` and `--dry-run` show it.
  public var description: String { "\(typeName): \(settings.description)" }

  public static func == (lhs: TransformSpec, rhs: TransformSpec) -> Bool {
    func same<Settings: TransformDescriptor>(_ left: Settings) -> Bool { (rhs.settings as? Settings) == left }
    return same(lhs.settings)
  }

  /// These settings as a run uses them, calibrated by `context`.
  func calibrated(by context: TransformContext) -> TransformSpec {
    func calibrate<Settings: TransformDescriptor>(_ settings: Settings) -> TransformSpec {
      TransformSpec(settings.calibrated(by: context))
    }
    return calibrate(settings)
  }

  /// The step that draws and applies this transform on `Media`.
  ///
  /// Recipe decoding admits only transforms of the recipe's modality, so a step of another media type is a
  /// programming error.
  func makeStep<Media>(for media: Media.Type, in context: TransformContext) throws -> any Transform<Media> {
    func build<Settings: TransformDescriptor>(_ settings: Settings) throws -> any Transform<Media> {
      guard let step = try settings.makeStep(in: context) as? any Transform<Media> else {
        preconditionFailure("\(typeName) is not a transform of \(Media.self)")
      }
      return step
    }
    return try build(settings)
  }

  private enum TypeKey: String, CodingKey { case type }

  public init(from decoder: any Decoder) throws {
    let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
    guard let descriptor = TransformRegistry.descriptor(named: type) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath + [TypeKey.type],
          debugDescription: "unknown transform type “\(type)”; known: \(TransformRegistry.names.joined(separator: ", "))"))
    }
    settings = try descriptor.init(from: decoder)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: TypeKey.self)
    try container.encode(typeName, forKey: .type)
    try settings.encode(to: encoder)
  }
}
