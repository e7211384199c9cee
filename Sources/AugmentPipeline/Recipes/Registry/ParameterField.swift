/// One key of a recipe mapping: what its value must be, whether it must be given, and what it means.
///
/// A transform's fields are its parameter schema: the recipe-file check refuses what they do not admit,
/// and `augment recipes --transforms` and the docs list them, so the two cannot disagree.
public struct ParameterField: Sendable, Equatable {
  /// What one key's value must be.
  public enum Value: Sendable, Equatable {
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

  public var key: String
  public var value: Value
  public var required: Bool
  /// What the key sets, and its default when it is left out.
  public var doc: String

  public init(key: String, value: Value, required: Bool = false, doc: String = "") {
    self.key = key
    self.value = value
    self.required = required
    self.doc = doc
  }

  /// The value's type and bounds as a user writes them, e.g. `[low, high] in -30 to 60 dB`.
  public var admits: String {
    switch value {
    case .text: "text"
    case .choice(let words): "one of " + words.joined(separator: ", ")
    case .number(let bounds, let unit): "a number from \(Self.span(bounds)) \(unit)"
    case .whole(let bounds): "a whole number from \(bounds.lowerBound) to \(bounds.upperBound)"
    case .range(let bounds, let unit): "[low, high] in \(Self.span(bounds)) \(unit)"
    case .transforms: "a list of transform steps"
    case .checklist: "a mapping of thresholds"
    }
  }

  static func span(_ bounds: ClosedRange<Double>) -> String {
    "\(ParameterRange.format(bounds.lowerBound)) to \(ParameterRange.format(bounds.upperBound))"
  }
}
