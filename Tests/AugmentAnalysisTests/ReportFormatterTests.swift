import AugmentAnalysis
import Foundation
import Testing

@Suite struct ReportFormatterTests {
  private func section(_ title: String, in text: String) -> [Substring] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
  }

  @Test func sliceTableIsRankedAlignedAndFollowedByReasons() throws {
    let text = ReportFormatter.format(try Fixtures.speechReport())
    let table = section("Slices ranked by potential gain", in: text)
    #expect(table.count == 6)
    #expect(table[0].hasPrefix("  rank  slice"))
    let names = table.dropFirst().map { $0.split(separator: " ").first { $0.first!.isLetter }! }
    #expect(names == ["untagged", "people-noise", "car-noise", "low-bandwidth", "overall"])
    // The last column is right-aligned, so every line of the table ends in the same column.
    #expect(Set(table.map(\.count)).count == 1)
    // Clean speech holds 180 of the 487 errors (180 + 22 + 195 + 90).
    #expect(
      table[1]
        == "     1  untagged        3000   60.0%     94.0%        6.0%      37.0%  95.0%  humans (3000)  1.0%  0.60%")

    let reasons = section("Reasons", in: text)
    #expect(reasons[0] == "  1. untagged: potential gain 0.60% = gap to HLP 1.0% × share 60.0%")
    #expect(reasons[3].hasPrefix("  4. low-bandwidth: at or above HLP"))
    #expect(text.contains("no per-class metrics: correctness comes from a score threshold"))
  }

  @Test func classesAndConfusionMatrixArePrinted() throws {
    let csv = "label,prediction\ncat,cat\ncat,dog\ndog,dog\nbird,cat\n"
    let text = ReportFormatter.format(try AnalysisReport(table: Fixtures.table(csv)))
    let classes = section("Classes", in: text)
    // bird is never predicted: precision undefined, F1 0. Macro F1 = (0 + 1/2 + 2/3) / 3.
    #expect(
      classes == [
        "  class      precision  recall     F1  support  predicted",
        "  bird       undefined    0.0%   0.0%        1          0",
        "  cat            50.0%   50.0%  50.0%        2          2",
        "  dog            50.0%  100.0%  66.7%        1          2",
        "  macro avg  undefined   50.0%  38.9%",
        "  micro avg      50.0%   50.0%  50.0%",
      ])
    let confusion = section("Confusion matrix", in: text)
    #expect(
      confusion == [
        "  label \\ prediction  bird  cat  dog", "  bird                   0    1    0",
        "  cat                    0    1    1", "  dog                    0    0    1",
      ])
  }

  @Test func planIsPrintedWithSkippedSlices() throws {
    let plan = try Planner(knownRecipes: ["car-noise", "people-noise"])
      .plan(Fixtures.speechReport(), budget: 500, analysisPath: "analysis.json")
    let text = ReportFormatter.format(plan)
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "Plan for 500 samples from analysis.json")
    #expect(lines[2].hasPrefix("  people-noise      395           0.60%"))
    #expect(lines[3].hasPrefix("  car-noise         105           0.16%"))
    #expect(text.contains("Skipped\n  untagged: the untagged rows"))
  }
}
