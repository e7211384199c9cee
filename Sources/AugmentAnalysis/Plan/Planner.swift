/// Distributes a budget of new samples over the weak slices of an analysis, in proportion to potential gain.
///
/// A slice is skipped, with the reason, when the ``WeaknessRule`` a slice run applies finds it not weak (with HLP
/// unknown, the rule compares its error rate with the overall one), when no recipe can make it, or when there are
/// too few source examples (untagged rows the model got right) to augment from. The rest share the budget by
/// largest remainders of the rule's gain, so the counts add up to exactly the budget.
public struct Planner: Sendable {
  /// The slices a recipe exists for.
  public var knownRecipes: Set<String>
  /// The fewest source examples worth augmenting from.
  public var minimumSources: Int
  /// Each recipe's weakness rule (its `min_gap_to_hlp`); a recipe not listed uses the default minimum gap.
  public var weaknessRules: [String: WeaknessRule]

  public init(knownRecipes: Set<String>, minimumSources: Int = 1, weaknessRules: [String: WeaknessRule] = [:]) {
    self.knownRecipes = knownRecipes
    self.minimumSources = minimumSources
    self.weaknessRules = weaknessRules
  }

  /// Plans `budget` samples from `report`; `analysisPath` is recorded in the plan.
  /// - Throws: ``PlanError/invalidBudget(_:)``, or ``PlanError/nothingToAugment(analysis:skipped:)`` when every
  ///   slice is skipped.
  public func plan(_ report: AnalysisReport, budget: Int, analysisPath: String) throws -> AugmentationPlan {
    guard budget >= 1 else { throw PlanError.invalidBudget(budget) }
    var candidates: [(slice: String, gain: Double, basis: String)] = []
    var skipped: [AugmentationPlan.Skip] = []
    for slice in report.rankedSlices {
      switch eligibility(of: slice, in: report) {
      case .eligible(let gain, let basis): candidates.append((slice.name, gain, basis))
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
        + "in total: \(Percent.format(candidate.gain / totalGain)) of the budget" + candidate.basis
      entries.append(.init(slice: candidate.slice, count: count, potentialGain: candidate.gain, reason: reason))
    }
    return AugmentationPlan(budget: budget, analysis: analysisPath, entries: entries, skipped: skipped)
  }

  private enum Eligibility {
    /// `basis` is appended to the entry's reason when the gain is not measured against HLP.
    case eligible(gain: Double, basis: String)
    case skipped(reason: String)
  }

  /// The slice's potential gain when it can be augmented, or why it cannot.
  private func eligibility(of slice: SliceMetrics, in report: AnalysisReport) -> Eligibility {
    guard let figures = slice.figures(weighted: report.weighted),
      let overall = report.overall.figures(weighted: report.weighted)
    else {
      return .skipped(reason: "every example has weight 0")
    }
    let rule = weaknessRules[slice.name] ?? WeaknessRule()
    let judgement = rule.judge(figures, overall: overall)
    let basis: String
    switch judgement.basis {
    case .gapToHLP(let hlp):
      basis = ""
      guard judgement.value > 0 else {
        return .skipped(
          reason:
            "no gap to HLP: accuracy \(Percent.format(figures.accuracy)) is at or above HLP \(Percent.format(hlp))")
      }
      guard judgement.isWeak else {
        return .skipped(
          reason:
            "the gap to HLP, \(Percent.points(judgement.value, digits: 2)), is below the minimum of "
            + Percent.points(rule.minimumGap, digits: 2))
      }
    case .errorRateAboveOverall(let overallErrorRate):
      basis = " (HLP unknown: gain from the error rate above the overall one)"
      guard judgement.isWeak else {
        return .skipped(
          reason:
            "HLP is unknown (give it with --hlp or human labels) and the error rate, "
            + "\(Percent.format(figures.errorRate)), is not \(Percent.points(rule.minimumGap, digits: 2)) above "
            + "the overall \(Percent.format(overallErrorRate))")
      }
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
    return .eligible(gain: judgement.gain, basis: basis)
  }
}
