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
    if let mismatch = transforms.first(where: { $0.modality != modality }) {
      throw DecodingError.dataCorruptedError(
        forKey: .transforms, in: container,
        debugDescription: "\(mismatch.typeName) is an \(mismatch.modality.rawValue) transform in an \(modality.rawValue) recipe")
    }
    if let problem = noiseCategoryProblem {
      throw DecodingError.dataCorruptedError(forKey: .transforms, in: container, debugDescription: problem)
    }
  }

  /// A `<category>-noise` slice mixes noise from its own bank category (`car-noise` from `noise-banks/car`):
  /// a recipe that names one category and mixes another describes no real slice. Checked when a recipe file
  /// is loaded, since the recipe alone decides it; `nil` when the recipe is consistent.
  var noiseCategoryProblem: String? {
    guard name.hasSuffix("-noise") else { return nil }
    let expected = String(name.dropLast("-noise".count))
    let categories = transforms.compactMap { ($0.settings as? BackgroundNoiseSpec)?.category }
    guard let wrong = categories.first(where: { $0 != expected }) else { return nil }
    return "\(name) mixes noise from the \(wrong) bank; a \(name) recipe must mix noise-banks/\(expected)"
  }
}
