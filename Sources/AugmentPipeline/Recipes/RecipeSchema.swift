/// Every key a recipe file may hold, and the range each number in it must fall in.
///
/// A recipe file is checked against this table before it is decoded, so a misspelt key (which decoding
/// would silently ignore, leaving a default in force) or a threshold outside its meaning is refused with
/// the file, the line and what to write instead. The ranges are physical: what the quantity can be
/// (a probability 0…1, STOI 0…1, SSIM −1…1) or what still makes sense for the transform (an SNR of
/// −30…60 dB, band edges under the 4 kHz of an 8 kHz telephone channel).
enum RecipeSchema {
  /// What one key's value must be.
  enum Value: Equatable {
    /// Any text.
    case text
    /// One of these words.
    case choice([String])
    /// A number within the range, in `unit`.
    case number(ClosedRange<Double>, unit: String)
    /// A whole number within the range.
    case whole(ClosedRange<Int>)
    /// `[low, high]` (or `[value]`) with low ≤ high, both within the range, in `unit`.
    case range(ClosedRange<Double>, unit: String)
    /// A list of transform steps.
    case transforms
    /// A checklist mapping.
    case checklist
  }

  /// One key of a mapping.
  struct Field {
    var key: String
    var value: Value
    var required = false
  }

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

  /// The keys of each transform type besides `type`.
  static let transforms: [(type: String, fields: [Field])] = [
    ("background-noise", [
      Field(key: "category", value: .text, required: true),
      Field(key: "snr_db", value: .range(-30...60, unit: "dB"), required: true),
      Field(key: "snr_definition", value: .choice(["active-speech", "rms"])),
    ]),
    ("telephone", [
      Field(key: "low_hz", value: .range(1...3999, unit: "Hz")),
      Field(key: "high_hz", value: .range(1...3999, unit: "Hz")),
      Field(key: "mu_law_probability", value: .number(0...1, unit: "(a probability)")),
    ]),
    ("loudness", [Field(key: "target_lufs", value: .range(-70...(-1), unit: "LUFS"), required: true)]),
    ("brightness-contrast", [
      Field(key: "brightness", value: .range(-1...1, unit: "of full scale")),
      Field(key: "contrast", value: .range(-1...10, unit: "(1 + contrast scales the contrast)")),
      Field(key: "pivot", value: .choice(["zero", "mean", "mid-grey", "white"])),
    ]),
    ("exposure", [Field(key: "target_luminance", value: .range(0...1, unit: "(mean luminance)"), required: true)]),
    ("sensor-noise", [Field(key: "sigma", value: .range(0...1, unit: "of full scale"), required: true)]),
    ("gamma", [Field(key: "gamma", value: .range(0.1...10, unit: ""), required: true)]),
    ("gaussian-blur", [Field(key: "sigma", value: .range(0...50, unit: "px"), required: true)]),
    ("motion-blur", [
      Field(key: "length", value: .range(1...101, unit: "px"), required: true),
      Field(key: "angle", value: .range(-360...360, unit: "degrees")),
    ]),
    ("defocus-blur", [Field(key: "radius", value: .range(0...50, unit: "px"), required: true)]),
    ("glare", [
      Field(key: "strength", value: .range(0...1, unit: "(peak, of full scale)"), required: true),
      Field(key: "radius_along", value: .range(0...1, unit: "of the diagonal")),
      Field(key: "radius_across", value: .range(0...1, unit: "of the diagonal")),
      Field(key: "angle", value: .range(-360...360, unit: "degrees")),
    ]),
  ]

  /// The closest of `candidates` to a misspelt `word`, when one is close enough to be what was meant.
  static func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
  }

  /// Levenshtein distance: insertions, deletions and substitutions of characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
