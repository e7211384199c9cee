/// What happened to a slice (or a class) between the error analysis before and the one after retraining.
///
/// For tables of the same examples (paired) the verdict is the exact McNemar test's at the chosen confidence; for
/// independent tables it is whether the change's interval excludes zero.
public enum ComparisonVerdict: String, Codable, Sendable, CaseIterable {
  /// Accuracy is significantly higher after.
  case improved
  /// Accuracy is significantly lower after: the slice got worse, which adding data can cause (by shifting
  /// the training mix away from it, or by adding unrealistic examples).
  case dropped
  /// Accuracy is lower after, but not significantly: within what chance explains at the chosen confidence. Shown
  /// apart from ``noClearChange`` so that a small drop is seen rather than hidden among slices that did not move.
  case worseNotSignificant = "worse-not-significant"
  /// Accuracy is the same or higher after, within what chance explains at the chosen confidence.
  case noClearChange = "no-clear-change"
  /// Only the first table has the slice.
  case onlyBefore = "only-before"
  /// Only the second table has the slice.
  case onlyAfter = "only-after"

  /// The verdict as the terminal table writes it, `dropped` in capitals so it stands out.
  public var label: String {
    switch self {
    case .improved: "improved"
    case .dropped: "DROPPED"
    case .worseNotSignificant: "worse, not significant"
    case .noClearChange: "no clear change"
    case .onlyBefore: "only before"
    case .onlyAfter: "only after"
    }
  }
}
