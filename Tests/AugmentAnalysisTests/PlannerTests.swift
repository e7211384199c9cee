import AugmentAnalysis
import Foundation
import Testing

@Suite struct PlannerTests {
  private let recipes: Set<String> = ["car-noise", "people-noise", "low-bandwidth"]

  /// The speech example: clean speech is the source, not a recipe, and low bandwidth is already at HLP, so car
  /// noise (0.16%) and people noise (0.6%) share 500 samples: quotas 105.26 and 394.74, the spare unit going to
  /// the larger remainder.
  @Test func speechBudgetGoesToCarAndPeopleNoise() throws {
    let plan = try Planner(knownRecipes: recipes).plan(Fixtures.speechReport(), budget: 500, analysisPath: "a.json")
    #expect(plan.entries.map(\.slice) == ["people-noise", "car-noise"])
    #expect(plan.entries.map(\.count) == [395, 105])
    #expect(plan.entries.reduce(0) { $0 + $1.count } == 500)
    #expect(plan.entries[1].reason == "potential gain 0.16% of 0.76% in total: 21.1% of the budget")
    #expect(plan.skipped.map(\.slice) == ["untagged", "low-bandwidth"])
    #expect(plan.skipped[1].reason == "no gap to HLP: accuracy 70.0% is at or above HLP 70.0%")
    #expect(plan.analysis == "a.json" && plan.budget == 500)
  }

  @Test(arguments: [1, 2, 3, 7, 10, 99, 500, 1001])
  func allocationAlwaysAddsUpToTheBudget(budget: Int) throws {
    var csv = "label,prediction,human,tags\n"
    // Five slices with gains in awkward proportions, plus clean sources.
    for (tag, count, wrong) in [("a", 7, 3), ("b", 11, 2), ("c", 13, 5), ("d", 3, 1), ("e", 17, 4)] {
      for index in 0..<count { csv += "x,\(index < wrong ? "y" : "x"),x,\(tag)\n" }
    }
    csv += String(repeating: "x,x,x,\n", count: 20)
    let report = try AnalysisReport(table: Fixtures.table(csv))
    let plan = try Planner(knownRecipes: ["a", "b", "c", "d", "e"]).plan(report, budget: budget, analysisPath: "-")
    #expect(plan.entries.reduce(0) { $0 + $1.count } == budget)
    // Every count is its quota rounded down or up.
    let gains = report.slices.compactMap(\.potentialGain)
    let total = gains.reduce(0, +)
    for entry in plan.entries {
      let quota = Double(budget) * entry.potentialGain / total
      #expect(Double(entry.count) >= quota.rounded(.down) && Double(entry.count) <= quota.rounded(.up))
    }
    #expect(plan.entries.count + plan.skipped.count == 6)
    #expect(
      plan.skipped.allSatisfy { $0.slice == "untagged" || $0.reason == "its share of the budget rounds to 0 samples" })
  }

  @Test func slicesWithoutRecipesOrSourcesAreSkippedWithReasons() throws {
    var csv = "label,prediction,human,tags\n"
    for index in 0..<10 { csv += "x,\(index < 3 ? "y" : "x"),x,wind-noise\n" }
    for index in 0..<10 { csv += "x,\(index < 2 ? "y" : "x"),x,car-noise\n" }
    for index in 0..<10 { csv += "x,x,\(index < 5 ? "y" : "x"),blurry\n" }
    csv += "x,x,x,\nx,y,x,\n"
    let report = try AnalysisReport(table: Fixtures.table(csv))
    let plan = try Planner(knownRecipes: ["car-noise", "blurry"]).plan(report, budget: 10, analysisPath: "-")
    #expect(plan.entries.map(\.slice) == ["car-noise"] && plan.entries[0].count == 10)
    let reasons = Dictionary(uniqueKeysWithValues: plan.skipped.map { ($0.slice, $0.reason) })
    #expect(reasons["wind-noise"] == "no recipe named 'wind-noise'")
    #expect(reasons["blurry"] == "no gap to HLP: accuracy 100.0% is at or above HLP 50.0%")
    #expect(reasons["untagged"] == "the untagged rows are what augmentation starts from; no recipe makes them")

    let error = #expect(throws: PlanError.self) {
      try Planner(knownRecipes: ["car-noise"], minimumSources: 2).plan(report, budget: 10, analysisPath: "a.json")
    }
    guard case .nothingToAugment(let analysis, let skipped) = error else {
      Issue.record("expected nothingToAugment, got \(String(describing: error))")
      return
    }
    #expect(analysis == "a.json")
    #expect(
      skipped.first { $0.slice == "car-noise" }?.reason
        == "too few source examples: 1 untagged rows the model got right, at least 2 needed")
  }

  /// With HLP unknown, a slice whose error rate is 50 points above the overall one is planned with gain
  /// excess × share (0.5 × 0.5 = 25%); one that does no worse than overall is skipped with the numbers.
  @Test func unknownHLPFallsBackToTheErrorRateAboveOverall() throws {
    let report = try AnalysisReport(table: Fixtures.table("label,prediction,tags\nx,y,car-noise\nx,x,\n"))
    let plan = try Planner(knownRecipes: ["car-noise"]).plan(report, budget: 5, analysisPath: "-")
    #expect(plan.entries.map(\.slice) == ["car-noise"] && plan.entries[0].count == 5)
    #expect(abs(plan.entries[0].potentialGain - 0.25) < 1e-12)
    #expect(plan.entries[0].reason.hasSuffix("(HLP unknown: gain from the error rate above the overall one)"))

    let even = try AnalysisReport(table: Fixtures.table("label,prediction,tags\nx,y,car-noise\nx,x,car-noise\nx,y,\nx,x,\n"))
    let error = #expect(throws: PlanError.self) {
      try Planner(knownRecipes: ["car-noise"]).plan(even, budget: 5, analysisPath: "-")
    }
    #expect(
      String(describing: error ?? .invalidBudget(0)).contains(
        "car-noise: HLP is unknown (give it with --hlp or human labels) and the error rate, 50.0%, is not "
          + "1.00 points above the overall 50.0%"))
  }

  /// A gap to HLP below the recipe's minimum is skipped, as the slice run would refuse it: car noise's gap of
  /// 4 points is planned under a 3-point minimum and skipped under a 5-point one.
  @Test func aGapBelowTheRecipesMinimumIsSkipped() throws {
    let report = try Fixtures.speechReport()
    let planned = try Planner(knownRecipes: ["car-noise"], weaknessRules: ["car-noise": WeaknessRule(minimumGap: 0.03)])
      .plan(report, budget: 10, analysisPath: "-")
    #expect(planned.entries.map(\.slice) == ["car-noise"])
    let error = #expect(throws: PlanError.self) {
      try Planner(knownRecipes: ["car-noise"], weaknessRules: ["car-noise": WeaknessRule(minimumGap: 0.05)])
        .plan(report, budget: 10, analysisPath: "-")
    }
    #expect(String(describing: error ?? .invalidBudget(0)).contains(
      "car-noise: the gap to HLP, 4.00 points, is below the minimum of 5.00 points"))
  }

  @Test func budgetMustBePositive() throws {
    #expect(throws: PlanError.invalidBudget(0)) {
      try Planner(knownRecipes: recipes).plan(Fixtures.speechReport(), budget: 0, analysisPath: "-")
    }
  }

  @Test func planRoundTripsThroughJSON() throws {
    let plan = try Planner(knownRecipes: recipes).plan(Fixtures.speechReport(), budget: 500, analysisPath: "a.json")
    let data = try plan.jsonData()
    #expect(try AugmentationPlan.decode(from: data) == plan)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["budget", "analysis", "entries", "skipped"])
    let entry = try #require((object["entries"] as? [[String: Any]])?.first)
    #expect(Set(entry.keys) == ["slice", "count", "potentialGain", "reason"])
  }
}
