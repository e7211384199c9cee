/// A checklist rule cannot judge any candidate made from this source, or a transform cannot make one,
/// because of the source itself (e.g. too little speech for the clarity measure, or a silent source to
/// mix noise against). Every redraw would fail the same way, so the runner
/// gives the source up after the first candidate instead of redrawing, and counts it under `reason`.
public struct SourceUnusable: Error, Sendable, Equatable, CustomStringConvertible {
  /// The rule or transform that found the source unusable, e.g. `stoi` or `background-noise`.
  public var rule: String
  /// Why, the same for every source it applies to, so that sources can be counted by it, e.g.
  /// "too little speech for the clarity gate (under 10 STOI frames, 128 ms, after dropping silence)".
  public var reason: String
  /// What was measured on this source, e.g. "7 frames of speech".
  public var detail: String

  public var description: String { "\(rule): \(reason): \(detail)" }
}
