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
