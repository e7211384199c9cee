/// Why no plan could be made.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The analysis file could not be read at all.
  case unreadableReport(source: String, reason: String)
  /// The analysis file is not a report `augment analyze --json` wrote.
  case invalidReport(source: String, detail: String)
  /// The budget is not a positive number of samples.
  case invalidBudget(Int)
  /// Every slice was skipped; the list says why for each.
  case nothingToAugment(analysis: String, skipped: [AugmentationPlan.Skip])

  public var description: String {
    switch self {
    case .unreadableReport(let source, let reason):
      return "\(source): cannot read the analysis (\(reason)); check the path"
    case .invalidReport(let source, let detail):
      return "\(source): not an analysis report (\(detail)); write one with `augment analyze --json`"
    case .invalidBudget(let budget):
      return "the budget must be at least 1 sample, not \(budget)"
    case .nothingToAugment(let analysis, let skipped):
      let reasons = skipped.map { "  \($0.slice): \($0.reason)" }.joined(separator: "\n")
      return "\(analysis): no slice can be augmented:\n\(reasons)"
    }
  }
}
