import AugmentAnalysis
import Foundation
import Testing

@testable import AugmentPipeline

@Suite struct WeaknessGateTests {
  /// 10 clean rows (9 right), 10 car-noise rows (5 right, humans 9), 10 low-bandwidth rows (7 right, humans 7).
  static func report() throws -> AnalysisReport {
    var lines = ["id,label,prediction,human_label,tags"]
    for i in 0..<10 { lines.append("c\(i),yes,\(i < 9 ? "yes" : "no"),yes,") }
    for i in 0..<10 { lines.append("n\(i),yes,\(i < 5 ? "yes" : "no"),\(i < 9 ? "yes" : "no"),car-noise") }
    for i in 0..<10 { lines.append("b\(i),yes,\(i < 7 ? "yes" : "no"),\(i < 7 ? "yes" : "no"),low-bandwidth") }
    let table = try ErrorTable(data: Data(lines.joined(separator: "\n").utf8), source: URL(fileURLWithPath: "/t/errors.csv"))
    return try AnalysisReport(table: table)
  }

  @Test func aSliceWithAGapPasses() throws {
    let verdict = WeaknessGate.evaluate(slice: "car-noise", report: try Self.report(), minGapToHLP: 0.01)
    #expect(verdict.passed)
    #expect(abs(verdict.value - 0.4) < 1e-12)
  }

  @Test func aSliceAtHumanLevelFailsWithTheReason() throws {
    let verdict = WeaknessGate.evaluate(slice: "low-bandwidth", report: try Self.report(), minGapToHLP: 0.01)
    #expect(!verdict.passed)
    #expect(verdict.value == 0)
    #expect(verdict.reason.contains("close to human level"))
    #expect(verdict.reason.contains("70"))
  }

  @Test func aSliceNobodyTaggedFails() throws {
    let verdict = WeaknessGate.evaluate(slice: "plane-noise", report: try Self.report(), minGapToHLP: 0.01)
    #expect(!verdict.passed)
    #expect(verdict.reason.contains("no example"))
  }
}

/// `augment plan` and the slice run decide weakness by one rule: whatever the gate refuses, the plan skips.
@Suite struct PlanAndGateAgreeTests {
  /// 340 rows, 52 wrong (overall error rate 15.3%), and one slice per branch of the rule: `thin-gap` has human
  /// labels and a gap of half a point (85% vs 85.5%); `no-hlp-weak` has none and errs on 60% of its rows;
  /// `no-hlp-even` has none and errs on none.
  static func report() throws -> AnalysisReport {
    var lines = ["id,label,prediction,human_label,tags"]
    for i in 0..<100 { lines.append("c\(i),yes,\(i < 90 ? "yes" : "no"),yes,") }
    // 200 rows: model 170 right (85%), humans 171 right (85.5%): a gap of half a point.
    for i in 0..<200 { lines.append("t\(i),yes,\(i < 170 ? "yes" : "no"),\(i < 171 ? "yes" : "no"),thin-gap") }
    for i in 0..<20 { lines.append("w\(i),yes,\(i < 8 ? "yes" : "no"),,no-hlp-weak") }
    for i in 0..<20 { lines.append("e\(i),yes,yes,,no-hlp-even") }
    let table = try ErrorTable(data: Data(lines.joined(separator: "\n").utf8), source: URL(fileURLWithPath: "/t/e.csv"))
    return try AnalysisReport(table: table)
  }

  @Test func planIncludesExactlyTheSlicesTheGatePasses() throws {
    let report = try Self.report()
    let slices = ["thin-gap", "no-hlp-weak", "no-hlp-even"]
    let plan = try Planner(knownRecipes: Set(slices)).plan(report, budget: 100, analysisPath: "-")
    let passed = slices.filter { WeaknessGate.evaluate(slice: $0, report: report, minGapToHLP: 0.01).passed }
    #expect(passed == ["no-hlp-weak"])
    #expect(plan.entries.map(\.slice) == passed)
    #expect(Set(plan.skipped.map(\.slice)) == ["thin-gap", "no-hlp-even", "untagged"])
  }
}
