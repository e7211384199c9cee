import AugmentCore

/// Everything the pipeline knows about one transform, in one place: the settings a recipe writes for it
/// (the conforming type), its name, modality, parameter schema, description line, how a run builds the
/// step that draws and applies, and how a manifest record is replayed without drawing.
///
/// A transform is added by writing one conforming type in its own file and listing it in
/// ``TransformRegistry/all``; recipe decoding, the recipe-file check, `augment recipes`, `--dry-run`,
/// the sample factories and `augment replay` all go through the registry.
public protocol TransformDescriptor: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The transform a run applies.
  associatedtype Step: Transform

  static var modality: Modality { get }
  /// What the transform does, in one sentence.
  static var summary: String { get }
  /// The keys a recipe step may hold besides `type`, with their ranges.
  static var fields: [ParameterField] { get }
  /// Typical settings, with every range at a value a recipe would use: the registry walk test and the
  /// docs build from them.
  static var example: Self { get }

  /// These settings as a run uses them: a range calibrated on the slice's real members replaces the
  /// written one. The default is the settings unchanged.
  func calibrated(by context: TransformContext) -> Self

  /// The parameter whose draw a run matches to the real members' distribution of its measured counterpart
  /// (the step then draws it with ``TransformContext/draw(for:over:)``); `nil`, the default, when no
  /// parameter has one.
  var counterpart: CounterpartParameter? { get }

  /// The step that draws parameters from these settings' ranges and applies them.
  func makeStep(in context: TransformContext) throws -> Step

  /// A step that applies recorded `parameters` (it never draws): what `augment replay` runs.
  static func replayer(for parameters: Step.Parameters, in context: TransformContext) throws -> Step
}

extension TransformDescriptor {
  /// The one name of the transform: a recipe's `type` and a manifest record's `name`.
  public static var name: String { Step.name }

  /// The example as a recipe step.
  public static var exampleStep: TransformSpec { TransformSpec(example) }

  public func calibrated(by context: TransformContext) -> Self { self }

  public var counterpart: CounterpartParameter? { nil }

  /// The example's step: a transform's `apply` reads only the parameters it is given, so any instance
  /// replays them. A transform whose instance holds something the parameters name (a noise bank)
  /// provides its own.
  public static func replayer(for parameters: Step.Parameters, in context: TransformContext) throws -> Step {
    try example.makeStep(in: context)
  }
}
