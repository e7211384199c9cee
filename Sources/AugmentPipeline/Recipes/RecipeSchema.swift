/// Every key a recipe file may hold, and the range each number in it must fall in (a transform's keys
/// are those its ``TransformDescriptor`` lists).
///
/// A recipe file is checked against this table before it is decoded, so a misspelt key (which decoding
/// would silently ignore, leaving a default in force) or a threshold outside its meaning is refused with
/// the file, the line and what to write instead. The ranges are physical: what the quantity can be
/// (a probability 0…1, STOI 0…1, SSIM −1…1) or what still makes sense for the transform (an SNR of
/// −30…60 dB, band edges under the 4 kHz of an 8 kHz telephone channel).
enum RecipeSchema {
  typealias Field = ParameterField

  static let file = [Field(key: "recipes", value: .text, required: true)]

  static let recipe = [
    Field(key: "name", value: .text, required: true),
    Field(key: "modality", value: .choice(Modality.allCases.map(\.rawValue)), required: true),
    Field(key: "summary", value: .text),
    Field(key: "transforms", value: .transforms, required: true),
    Field(key: "checklist", value: .checklist),
    Field(key: "redraws", value: .whole(1...1000)),
  ]

  static let checklist = [
    Field(key: "min_stoi", value: .number(0...1, unit: "(STOI)")),
    Field(key: "min_ssim", value: .number(-1...1, unit: "(SSIM)")),
    Field(key: "min_defect_contrast", value: .number(0...1, unit: "(a fraction of the defect's contrast)")),
    Field(key: "realism_margin", value: .number(0...60, unit: "(dB and LU for audio, 0…1 units for images)")),
    Field(key: "max_clipped_fraction", value: .number(0...1, unit: "(a fraction)")),
    Field(key: "min_gap_to_hlp", value: .number(0...1, unit: "(a fraction of accuracy)")),
  ]

  /// The keys of each transform type besides `type`: each transform's own schema, from the registry.
  static var transforms: [(type: String, fields: [Field])] {
    TransformRegistry.all.map { ($0.name, $0.fields) }
  }
}
