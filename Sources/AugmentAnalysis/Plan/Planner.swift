/// Distributes a budget of new samples over the weak slices of an analysis, in proportion to potential gain.
///
/// A slice is skipped, with the reason, when it has no gap to HLP (or HLP is unknown), when no recipe can
/// make it, or when there are too few source examples (untagged rows the model got right) to augment from.
/// The rest share the budget by largest remainders, so the counts add up to exactly the budget.
public struct Planner: Sendable {
  /// The slices a recipe exists for.
  public var knownRecipes: Set<String>
  /// The fewest source examples worth augmenting from.
  public var minimumSources: Int

  public init(knownRecipes: Set<String>, minimumSources: Int = 1) {
    self.knownRecipes = knownRecipes
    self.minimumSources = minimumSources
  }

  /// Plans `budget` samples from `report`; `analysisPath` is recorded in the plan.
  /// - Throws: ``PlanError/invalidBudget(_:)``, or ``PlanError/nothingToAugment(analysis:skipped:)`` when every
  ///   slice is skipped.
  public func plan(_ report: AnalysisReport, budget: Int, analysisPath: String) throws -> AugmentationPlan {
    guard budget >= 1 else { throw PlanError.invalidBudget(budget) }
    var candidates: [(slice: String, gain: Double)] = []
    var skipped: [AugmentationPlan.Skip] = []
    for slice in report.rankedSlices {
      switch eligibility(of: slice, in: report) {
      case .eligible(let gain): candidates.append((slice.name, gain))
      case .skipped(let reason): skipped.append(.init(slice: slice.name, reason: reason))
      }
    }
    guard !candidates.isEmpty else {
      throw PlanError.nothingToAugment(analysis: analysisPath, skipped: skipped)
    }

    let totalGain = candidates.reduce(0) { $0 + $1.gain }
    let counts = Apportionment.largestRemainder(total: budget, weights: candidates.map(\.gain))
    var entries: [AugmentationPlan.Entry] = []
    for (candidate, count) in zip(candidates, counts) {
      guard count > 0 else {
        skipped.append(.init(slice: candidate.slice, reason: "its share of the budget rounds to 0 samples"))
        continue
      }
      let reason =
        "potential gain \(Percent.format(candidate.gain, digits: 2)) of \(Percent.format(totalGain, digits: 2)) "
        + "in total: \(Percent.format(candidate.gain / totalGain)) of the budget"
      entries.append(.init(slice: candidate.slice, count: count, potentialGain: candidate.gain, reason: reason))
    }
    return AugmentationPlan(budget: budget, analysis: analysisPath, entries: entries, skipped: skipped)
  }

  private enum Eligibility {
    case eligible(gain: Double)
    case skipped(reason: String)
  }

  /// The slice's potential gain when it can be augmented, or why it cannot.
  private func eligibility(of slice: SliceMetrics, in report: AnalysisReport) -> Eligibility {
    guard let figures = slice.figures(weighted: report.weighted) else {
      return .skipped(reason: "every example has weight 0")
    }
    guard let hlp = figures.hlpAccuracy, let gain = figures.potentialGain else {
      return .skipped(reason: "no gap to HLP can be measured: HLP is unknown (give it with --hlp or human labels)")
    }
    guard gain > 0 else {
      return .skipped(
        reason:
          "no gap to HLP: accuracy \(Percent.format(figures.accuracy)) is at or above HLP \(Percent.format(hlp))")
    }
    guard slice.name != "untagged" else {
      return .skipped(reason: "the untagged rows are what augmentation starts from; no recipe makes them")
    }
    guard knownRecipes.contains(slice.name) else {
      return .skipped(reason: "no recipe named '\(slice.name)'")
    }
    guard report.sourceExamples >= minimumSources else {
      return .skipped(
        reason:
          "too few source examples: \(report.sourceExamples) untagged rows the model got right, "
          + "at least \(minimumSources) needed")
    }
    return .eligible(gain: gain)
  }
}
