import AugmentAnalysis
import Foundation
import Testing

@Suite struct ComparisonReportTests {
  private func slice(_ name: String, in comparison: ComparisonReport) throws -> SliceComparison {
    try #require(comparison.slices.first { $0.name == name })
  }

  @Test func classifiesImprovedDroppedAndUnchangedSlices() throws {
    let (before, after) = try ComparisonFixtures.retraining()
    let comparison = try ComparisonReport(before: before, after: after)

    #expect(comparison.slices.map(\.name) == ["car-noise", "low-bandwidth", "people-noise", "untagged", "overall"])
    let verdicts = Dictionary(uniqueKeysWithValues: comparison.slices.map { ($0.name, $0.verdict) })
    #expect(
      verdicts == [
        "car-noise": .improved, "people-noise": .dropped, "low-bandwidth": .noClearChange,
        "untagged": .noClearChange, "overall": .noClearChange,
      ])

    let car = try #require(try slice("car-noise", in: comparison).accuracyChange)
    #expect(abs(car.estimate - 0.20) < 1e-12 && car.lower > 0)
    let people = try slice("people-noise", in: comparison)
    #expect(people.before?.count == 300 && people.after?.count == 300)
    #expect(people.before?.errors == 30 && people.after?.errors == 60)
    let drop = try #require(people.accuracyChange)
    #expect(abs(drop.estimate + 0.10) < 1e-12 && drop.upper < 0)
    // Two points up on 150 examples is within chance: the interval straddles zero by a wide margin.
    let bandwidth = try #require(try slice("low-bandwidth", in: comparison).accuracyChange)
    #expect(abs(bandwidth.estimate - 0.02) < 1e-12 && bandwidth.lower < -0.05 && bandwidth.upper > 0.05)
    let untagged = try #require(try slice("untagged", in: comparison).accuracyChange)
    #expect(untagged.estimate == 0 && untagged.lower < 0 && untagged.upper > 0)
    // 1465 of 1650 right before, 1478 after.
    let overall = try #require(try slice("overall", in: comparison).accuracyChange)
    #expect(abs(overall.estimate - 13.0 / 1650) < 1e-12)

    #expect(comparison.hasDrops)
    #expect(comparison.dropped.slices.map(\.name) == ["people-noise"])
    #expect(comparison.samplesAddedIsAbsent)
  }

  @Test func reportsTheGapToHLPOnBothSides() throws {
    let hlp = try Fixtures.hlp("tag,human_accuracy\ncar-noise,0.93\npeople-noise,0.95\n")
    let (before, after) = try ComparisonFixtures.retraining(hlp: hlp)
    let comparison = try ComparisonReport(before: before, after: after)

    let car = try slice("car-noise", in: comparison)
    #expect(abs(try #require(car.before?.gapToHLP) - 0.23) < 1e-12)
    #expect(abs(try #require(car.after?.gapToHLP) - 0.03) < 1e-12)
    let people = try slice("people-noise", in: comparison)
    #expect(abs(try #require(people.after?.gapToHLP) - 0.15) < 1e-12)
    #expect(try slice("low-bandwidth", in: comparison).before?.gapToHLP == nil)
    #expect(comparison.hlpTable == "hlp.csv")
  }

  @Test func aTableComparedWithItselfHasNoChange() throws {
    let (before, _) = try ComparisonFixtures.retraining()
    let comparison = try ComparisonReport(before: before, after: before)
    for slice in comparison.slices {
      #expect(slice.verdict == .noClearChange, "\(slice.name)")
      #expect(slice.accuracyChange?.estimate == 0, "\(slice.name)")
    }
    #expect(!comparison.hasDrops)
  }

  @Test func reportsSlicesPresentInOnlyOneTable() throws {
    typealias Rows = ComparisonFixtures.Rows
    let before = try ComparisonFixtures.analysis(
      "before.csv",
      [
        Rows(tags: "car-noise", count: 40, correct: 30), Rows(tags: "blurry", count: 50, correct: 20),
        Rows(tags: "", count: 100, correct: 90),
      ])
    let after = try ComparisonFixtures.analysis(
      "after.csv", [Rows(tags: "car-noise", count: 40, correct: 32), Rows(tags: "reflection", count: 60, correct: 45)])
    let comparison = try ComparisonReport(before: before, after: after)

    #expect(comparison.slices.map(\.name) == ["blurry", "car-noise", "reflection", "untagged", "overall"])
    let blurry = try slice("blurry", in: comparison)
    #expect(blurry.verdict == .onlyBefore && blurry.after == nil && blurry.accuracyChange == nil)
    #expect(blurry.before?.count == 50 && blurry.before?.accuracy == 0.4)
    let reflection = try slice("reflection", in: comparison)
    #expect(reflection.verdict == .onlyAfter && reflection.before == nil && reflection.after?.count == 60)
    // Every row of the table after has a tag, so the untagged slice exists only before.
    #expect(try slice("untagged", in: comparison).verdict == .onlyBefore)
    #expect(try slice("car-noise", in: comparison).verdict == .noClearChange)
    #expect(!comparison.hasDrops)
  }

  @Test func comparesClassesByRecall() throws {
    // cat: recall 90% -> 70% of 100 (dropped); dog: recall 90% both times; emu is only ever predicted.
    let before = try ComparisonFixtures.classification(
      "before.csv",
      [("cat", "cat", 90), ("cat", "dog", 10), ("dog", "dog", 90), ("dog", "cat", 10)])
    let after = try ComparisonFixtures.classification(
      "after.csv",
      [("cat", "cat", 70), ("cat", "dog", 25), ("cat", "emu", 5), ("dog", "dog", 90), ("dog", "cat", 10)])
    let comparison = try ComparisonReport(before: before, after: after)

    #expect(comparison.classes.map(\.label) == ["cat", "dog"])
    let cat = try #require(comparison.classes.first)
    #expect(cat.verdict == .dropped)
    let recall = try #require(cat.recallChange)
    #expect(abs(recall.estimate + 0.20) < 1e-12 && recall.upper < 0)
    // Precision 90/100 before, 70/80 after; F1 = 2TP / (support + predicted): 180/200 before, 140/180 after.
    #expect(abs(try #require(cat.precisionChange).estimate - (70.0 / 80 - 0.9)) < 1e-12)
    #expect(abs(try #require(cat.f1Change) - (140.0 / 180 - 0.9)) < 1e-12)
    let dog = try #require(comparison.classes.last)
    #expect(dog.verdict == .noClearChange && dog.recallChange?.estimate == 0)
    #expect(comparison.classificationNote?.contains("'emu'") == true)
    #expect(comparison.dropped.classes.map(\.label) == ["cat"])
    // No row has a tag, so the untagged and the overall slice are all 200 rows, whose accuracy falls with cat's
    // recall: 180 right before, 160 after.
    #expect(comparison.dropped.slices.map(\.name) == ["untagged", "overall"])
  }

  @Test func explainsAMissingClassComparison() throws {
    let before = try Fixtures.speechReport()
    let comparison = try ComparisonReport(before: before, after: before)
    #expect(comparison.classes.isEmpty)
    #expect(comparison.classificationNote?.hasPrefix("no per-class comparison: before: no per-class metrics") == true)
  }

  @Test func refusesAnalysesJudgedDifferently() throws {
    let speech = try Fixtures.speechReport()
    let (before, _) = try ComparisonFixtures.retraining()
    #expect(
      throws: ComparisonError.incomparableAnalyses(
        "correct when prediction equals label before but when score <= 0.1 after")
    ) { try ComparisonReport(before: before, after: speech) }
    let hlp = try Fixtures.hlp("tag,human_accuracy\ncar-noise,0.93\n")
    let (_, afterWithHLP) = try ComparisonFixtures.retraining(hlp: hlp)
    #expect(throws: ComparisonError.incomparableAnalyses("HLP from human labels before but from hlp.csv after")) {
      try ComparisonReport(before: before, after: afterWithHLP)
    }
  }

  @Test func jsonRoundTrips() throws {
    let (before, after) = try ComparisonFixtures.retraining()
    let samples = ManifestCounts(
      manifests: ["augmented/car-noise/manifest.jsonl"], samplesBySlice: ["car-noise": 500, "blurry": 20])
    let comparison = try ComparisonReport(before: before, after: after, samples: samples, confidence: 0.9)
    let data = try comparison.jsonData()

    #expect(try JSONDecoder().decode(ComparisonReport.self, from: data) == comparison)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["formatVersion"] as? Int == 2 && object["interval"] as? String == "newcombe-hybrid-score")
    #expect(object["paired"] as? Bool == false && object["pairingNote"] as? String != nil)
    #expect(object["unmatchedSamples"] as? [String: Int] == ["blurry": 20])
    let slices = try #require(object["slices"] as? [[String: Any]])
    let people = try #require(slices.first { $0["name"] as? String == "people-noise" })
    #expect(people["verdict"] as? String == "dropped" && people["samplesAdded"] as? Int == 0)
    // Keys are sorted, so the same comparison always gives the same bytes.
    let text = String(decoding: data, as: UTF8.self)
    let keys = try ["\"after\"", "\"before\"", "\"classes\"", "\"confidence\""].map { key in
      try #require(text.range(of: key)).lowerBound
    }
    #expect(keys == keys.sorted())
  }
}

extension ComparisonReport {
  /// Whether no slice carries a sample count, as without manifests.
  fileprivate var samplesAddedIsAbsent: Bool {
    manifests == nil && unmatchedSamples == nil && slices.allSatisfy { $0.samplesAdded == nil }
  }
}
