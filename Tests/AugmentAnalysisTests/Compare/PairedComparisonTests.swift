import Foundation
import Testing

@testable import AugmentAnalysis

/// Paired comparisons: the exact McNemar p-value against statsmodels' `mcnemar(exact=True)` and Newcombe's paired
/// square-and-add interval against `Reference/make-paired.py` (checked there against the published Cavo et al.
/// example), then the shipped speech table with some of its low-bandwidth rows made wrong.
@Suite struct PairedComparisonTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var outcomes: [Int]
      var confidence: Double
      var pValue: Double
      var estimate: Double
      var lower: Double
      var upper: Double
    }

    var cases: [Case]
  }

  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

  @Test func pValuesAndIntervalsMatchTheReference() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Reference/paired.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    #expect(reference.cases.count == 10)
    for item in reference.cases {
      let o = item.outcomes
      let outcomes = PairedOutcomes(bothRight: o[0], becameWrong: o[1], becameRight: o[2], bothWrong: o[3])
      #expect(abs(outcomes.pValue - item.pValue) <= 1e-12 * item.pValue, "\(o): \(outcomes.pValue)")
      let change = try #require(outcomes.change(z: try ConfidenceLevel(item.confidence).z))
      #expect(abs(change.estimate - item.estimate) < 1e-15, "\(o)")
      #expect(abs(change.lower - item.lower) < 1e-15, "\(o): \(change.lower) vs \(item.lower)")
      #expect(abs(change.upper - item.upper) < 1e-15, "\(o): \(change.upper) vs \(item.upper)")
    }
  }

  /// The shipped speech table, and the same table with the low-bandwidth rows the model got right, up to `wrong`
  /// of them, now wrong.
  private func shippedTables(makingWrong wrong: Int) throws -> (before: ErrorTable, after: ErrorTable) {
    let source = Self.samples.appendingPathComponent("errors-speech.csv")
    let text = try String(contentsOf: source, encoding: .utf8)
    var changed = 0
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if fields.count == 6, fields[5].split(separator: ";").contains("low-bandwidth"), fields[2] == fields[3],
        changed < wrong
      {
        fields[3] = "something else"
        changed += 1
      }
      lines.append(fields.joined(separator: ","))
    }
    #expect(changed == wrong)
    let after = try ErrorTable(
      data: Data(lines.joined(separator: "\n").utf8), source: Self.samples.appendingPathComponent("after.csv"))
    return (try ErrorTable.load(from: source), after)
  }

  @Test func allLowBandwidthRowsMadeWrongIsASignificantDrop() throws {
    let (before, after) = try shippedTables(makingWrong: 6)
    let comparison = try ComparisonReport(before: before, after: after)
    #expect(comparison.paired && comparison.interval == ComparisonReport.pairedInterval)
    #expect(comparison.before.media == ["audio"])
    let slice = try #require(comparison.slices.first { $0.name == "low-bandwidth" })
    #expect(slice.before?.accuracy == 0.6 && slice.after?.accuracy == 0)
    #expect(slice.paired == PairedOutcomes(bothRight: 0, becameWrong: 6, becameRight: 0, bothWrong: 4))
    #expect(abs(try #require(slice.paired?.pValue) - 0.03125) < 1e-15)
    #expect(slice.verdict == .dropped)
    #expect(comparison.dropped.slices.map(\.name) == ["low-bandwidth", "overall"])

    let text = ReportFormatter.format(comparison)
    #expect(text.contains("!!! DROPPED: "))
    #expect(
      text.contains(
        "  slice low-bandwidth: accuracy 60.0% -> 0.0% (-60.0 points, 95% interval -83.2 to -20.1) on 10 -> 10 "
          + "examples; 6 rows now wrong that were right, 0 the other way, exact McNemar p = 0.0313"), "\(text)")
    #expect(!text.contains("Nothing dropped"))
  }

  /// 60% to 30% on the same 10 examples: three rows went wrong and none the other way. Chance could do that
  /// (p = 0.25), so it is not a drop, but it is said, row by row, and "nothing dropped" is not.
  @Test func aSmallPairedDropIsShownRowByRow() throws {
    let (before, after) = try shippedTables(makingWrong: 3)
    let comparison = try ComparisonReport(before: before, after: after)
    let slice = try #require(comparison.slices.first { $0.name == "low-bandwidth" })
    #expect(slice.paired == PairedOutcomes(bothRight: 3, becameWrong: 3, becameRight: 0, bothWrong: 4))
    #expect(slice.verdict == .worseNotSignificant)
    #expect(!comparison.hasDrops)

    let text = ReportFormatter.format(comparison)
    #expect(text.contains("Paired: both tables hold the same \(before.rows.count) examples"))
    #expect(text.contains("Worse, but not significantly (chance could explain it at 95%):"))
    #expect(text.contains("; 3 rows now wrong that were right, 0 the other way, exact McNemar p = 0.25"), "\(text)")
    #expect(!text.contains("Nothing dropped") && !text.contains("no clear change … Nothing"))
    let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("  low-bandwidth ") })
    #expect(row.hasSuffix("worse, not significant") && row.contains(" 0.25 "), "\(row)")
  }

  @Test func tablesOfOtherExamplesAreComparedAsIndependentAndSaySo() throws {
    let before = try ErrorTable.load(from: Self.samples.appendingPathComponent("errors-speech.csv"))
    var after = before
    after.rows.removeLast()
    let comparison = try ComparisonReport(before: before, after: after)
    #expect(!comparison.paired && comparison.interval == ComparisonReport.newcombeInterval)
    #expect(comparison.pairingNote == "the tables share \(after.rows.count) ids; 1 only in errors-speech.csv, 0 only in errors-speech.csv")
    #expect(comparison.slices.allSatisfy { $0.paired == nil })
    #expect(ReportFormatter.format(comparison).contains("Unpaired: the tables share \(after.rows.count) ids"))
  }

  @Test func tablesOfDifferentMediaAreRefused() throws {
    let speech = try ErrorTable.load(from: Self.samples.appendingPathComponent("errors-speech.csv"))
    let images = try ErrorTable.load(from: Self.samples.appendingPathComponent("errors-images.csv"))
    #expect(speech.mediaKinds == [.audio] && images.mediaKinds == [.image])
    #expect {
      try ComparisonReport(before: speech, after: images)
    } throws: { error in
      guard case ComparisonError.differentMedia(let before, let after) = error else { return false }
      return before.hasSuffix("errors-speech.csv (audio)") && after.hasSuffix("errors-images.csv (image)")
    }
  }

  @Test func tablesWithoutASharedSliceAreRefused() throws {
    let first = try Fixtures.table("id,label,prediction,tags\n1,a,a,car-noise\n2,a,b,\n", name: "first.csv")
    let second = try Fixtures.table("id,label,prediction,tags\n1,a,a,blurry\n2,a,b,\n", name: "second.csv")
    #expect(throws: ComparisonError.noSharedSlices(before: "first.csv (car-noise)", after: "second.csv (blurry)")) {
      try ComparisonReport(before: first, after: second)
    }
  }
}
