/// What happened to a slice (or a class) between the error analysis before and the one after retraining.
public enum ComparisonVerdict: String, Codable, Sendable, CaseIterable {
  /// The whole confidence interval of the accuracy change lies above zero.
  case improved
  /// The whole confidence interval lies below zero: the slice got worse, which adding data can cause (by shifting
  /// the training mix away from it, or by adding unrealistic examples).
  case dropped
  /// The interval contains zero: any change is within what chance explains at the chosen confidence.
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
    case .noClearChange: "no clear change"
    case .onlyBefore: "only before"
    case .onlyAfter: "only after"
    }
  }
}
