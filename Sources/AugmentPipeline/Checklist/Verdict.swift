/// One checklist rule's judgement of one candidate: what it measured, the bounds, and why it passed or failed.
public struct Verdict: Sendable, Equatable, Codable {
  /// The rule's name, e.g. `stoi`, `blind-snr`, `ssim`.
  public var rule: String
  /// The checklist question the rule answers.
  public var kind: Kind
  public var value: Double
  /// The value must be at least this, when set.
  public var minimum: Double?
  /// The value must be at most this, when set.
  public var maximum: Double?
  public var passed: Bool
  /// A sentence a person can act on, e.g. "STOI 0.52 is below 0.60: speech no longer clearly intelligible".
  public var reason: String
  /// Which form of the measurement `value` is, when a rule has more than one, e.g. `stoi-n30` for STOI
  /// with 30-frame segments as published and `stoi-n14` for a short clip's 14-frame segment.
  public var measure: String?
  /// For the `realism-knn` rule: the table id of the real member nearest to the candidate.
  public var nearestMember: String?
  /// For the `realism-knn` rule: every realism feature of the candidate, by name, so that a rejection
  /// explains itself and the run's two-sample test can be recomputed from the files.
  public var features: [String: Double]?

  enum CodingKeys: String, CodingKey {
    case rule, kind, value, minimum, maximum, passed, reason, measure, features
    case nearestMember = "nearest_member"
  }

  public enum Kind: String, Sendable, Codable {
    /// Does it sound or look like real members of the slice?
    case realism
    /// Is the label still clear from the input?
    case clarity
    /// Is the model weak on this slice?
    case weakness
  }

  /// Judges `value` against optional bounds and writes the reason from `what` (e.g. "STOI") and `meaning`
  /// (what a failure means).
  public init(rule: String, kind: Kind, value: Double, minimum: Double? = nil, maximum: Double? = nil, what: String, failure meaning: String) {
    self.rule = rule
    self.kind = kind
    self.value = value
    self.minimum = minimum
    self.maximum = maximum
    let tooLow = minimum.map { !(value >= $0) } ?? false
    let tooHigh = maximum.map { !(value <= $0) } ?? false
    passed = !tooLow && !tooHigh && value.isFinite
    let shown = Self.format(value)
    switch (tooLow, tooHigh, minimum, maximum) {
    case (true, _, let low?, let high?):
      reason = "\(what) \(shown) is below the range \(Self.format(low))…\(Self.format(high)): \(meaning)"
    case (true, _, let low?, nil):
      reason = "\(what) \(shown) is below \(Self.format(low)): \(meaning)"
    case (_, true, let low?, let high?):
      reason = "\(what) \(shown) is above the range \(Self.format(low))…\(Self.format(high)): \(meaning)"
    case (_, true, nil, let high?):
      reason = "\(what) \(shown) is above \(Self.format(high)): \(meaning)"
    default:
      reason = value.isFinite ? "\(what) \(shown) is within bounds" : "\(what) could not be measured: \(meaning)"
    }
  }

  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return abs(value) >= 100 ? String(Int(value.rounded())) : String((value * 1000).rounded() / 1000)
  }
}
