/// Whether a slice is made of audio clips or images.
public enum Modality: String, Sendable, Codable, CaseIterable {
  case audio, image
}

/// How to make new examples of one slice: the transforms to chain, the ranges their parameters are
/// drawn from, and the checklist every candidate must pass.
public struct Recipe: Sendable, Equatable, Codable {
  /// The slice tag this recipe makes, as it appears in error-analysis tables (e.g. `car-noise`).
  public var name: String
  public var modality: Modality
  /// One line for `augment recipes`.
  public var summary: String
  /// Applied in order to each source.
  public var transforms: [TransformSpec]
  public var checklist: ChecklistSpec
  /// How many candidates are drawn for one source before that source is skipped.
  public var redraws: Int

  public init(
    name: String, modality: Modality, summary: String, transforms: [TransformSpec],
    checklist: ChecklistSpec, redraws: Int = 8
  ) {
    self.name = name
    self.modality = modality
    self.summary = summary
    self.transforms = transforms
    self.checklist = checklist
    self.redraws = redraws
  }

  enum CodingKeys: String, CodingKey {
    case name, modality, summary, transforms, checklist, redraws
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    modality = try container.decode(Modality.self, forKey: .modality)
    summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
    transforms = try container.decode([TransformSpec].self, forKey: .transforms)
    let defaults = ChecklistSpec.defaults(for: modality)
    checklist = try container.decodeIfPresent(ChecklistSpec.Overrides.self, forKey: .checklist)
      .map(defaults.overridden(by:)) ?? defaults
    redraws = try container.decodeIfPresent(Int.self, forKey: .redraws) ?? 8
    guard redraws >= 1 else {
      throw DecodingError.dataCorruptedError(forKey: .redraws, in: container, debugDescription: "redraws must be at least 1")
    }
    guard let mismatch = transforms.first(where: { $0.modality != modality }) else { return }
    throw DecodingError.dataCorruptedError(
      forKey: .transforms, in: container,
      debugDescription: "\(mismatch.typeName) is an \(mismatch.modality.rawValue) transform in an \(modality.rawValue) recipe")
  }
}
