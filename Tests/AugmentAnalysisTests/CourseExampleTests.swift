import AugmentAnalysis
import Foundation
import Testing

/// The worked examples of DeepLearning.AI's "Machine Learning in Production" course (Andrew Ng), week 2:
/// prioritising slices by potential gain, and precision, recall and F1 on skewed data.
@Suite struct CourseExampleTests {
  @Test func speechSlicesReproduceTheCoursesGains() throws {
    let report = try Fixtures.speechReport()
    let clean = try #require(report.untagged)
    let slices = Dictionary(uniqueKeysWithValues: report.slices.map { ($0.name, $0) })
    let car = try #require(slices["car-noise"])
    let people = try #require(slices["people-noise"])
    let lowBandwidth = try #require(slices["low-bandwidth"])

    let expected: [(SliceMetrics, accuracy: Double, hlp: Double, share: Double, gain: Double)] = [
      (clean, 0.94, 0.95, 0.60, 0.006),
      (car, 0.89, 0.93, 0.04, 0.0016),
      (people, 0.87, 0.89, 0.30, 0.006),
      (lowBandwidth, 0.70, 0.70, 0.06, 0),
    ]
    for (slice, accuracy, hlp, share, gain) in expected {
      #expect(abs(slice.accuracy - accuracy) < 1e-12, "\(slice.name)")
      #expect(abs(try #require(slice.hlpAccuracy) - hlp) < 1e-12, "\(slice.name)")
      #expect(abs(slice.share - share) < 1e-12, "\(slice.name)")
      #expect(abs(try #require(slice.potentialGain) - gain) < 1e-12, "\(slice.name)")
      #expect(slice.hlpSource == .humanLabels)
    }
    // 0.6% and 0.6% tie; clean speech is the larger slice.
    #expect(report.rankedSlices.map(\.name) == ["untagged", "people-noise", "car-noise", "low-bandwidth"])
    #expect(people.reason.contains("ties with untagged"))
    #expect(lowBandwidth.reason.hasPrefix("at or above HLP"))
    #expect(report.overall.count == 5000)
    #expect(report.sourceExamples == 2820)
  }

  @Test func speechTableAsPrintedShowsTheCoursesPercentages() throws {
    let text = ReportFormatter.format(try Fixtures.speechReport())
    let row = { (name: String) in text.split(separator: "\n").first { $0.contains(" \(name) ") }.map(String.init) }
    let clean = try #require(row("untagged"))
    #expect(clean.contains("60.0%") && clean.contains("94.0%") && clean.contains("95.0%") && clean.hasSuffix("0.60%"))
    #expect(try #require(row("car-noise")).hasSuffix("0.16%"))
    #expect(try #require(row("people-noise")).hasSuffix("0.60%"))
    #expect(try #require(row("low-bandwidth")).hasSuffix("0.00%"))
  }

  /// The visual-inspection quiz: scratch 95% vs HLP 98% on 50% of images, discoloration 90% vs 90% on 50%.
  @Test func visualInspectionQuizRanksScratchFirst() throws {
    var csv = "path,label,prediction,tags\n"
    for index in 0..<100 { csv += "scratch-\(index).png,defect,\(index < 95 ? "defect" : "ok"),scratch\n" }
    for index in 0..<100 { csv += "stain-\(index).png,defect,\(index < 90 ? "defect" : "ok"),discoloration\n" }
    let hlp = try Fixtures.hlp("tag,human_accuracy\nscratch,98\ndiscoloration,90\n")
    let report = try AnalysisReport(table: Fixtures.table(csv), options: AnalysisOptions(hlp: hlp))

    #expect(report.slices.map(\.name) == ["scratch", "discoloration"])
    let scratch = report.slices[0]
    #expect(abs(try #require(scratch.potentialGain) - 0.015) < 1e-12)
    #expect(scratch.hlpSource == .hlpTable)
    #expect(report.slices[1].potentialGain == 0)
    #expect(report.untagged == nil)
  }

  @Test func f1OfTheCoursesPrecisionAndRecall() {
    #expect((ClassMetrics.f1(precision: 0.883, recall: 0.791) * 1000).rounded() == 834)
    #expect((ClassMetrics.f1(precision: 0.970, recall: 0.073) * 1000).rounded() == 136)
  }

  /// The course's skewed-data confusion matrix: 914 negatives and 86 positives; 68 true positives, 9 false
  /// positives, 18 false negatives give precision 88.3%, recall 79.1%, F1 83.4%. A second table with 32 true
  /// positives, 1 false positive and 406 false negatives gives the course's other model: 97.0%, 7.3%, 13.6%.
  @Test func skewedConfusionMatricesGiveTheCoursesFigures() throws {
    for (tp, fp, fn, tn, precision, recall, f1) in [
      (68, 9, 18, 905, 883.0, 791.0, 834.0), (32, 1, 406, 561, 970.0, 73.0, 136.0),
    ] {
      let pairs =
        Array(repeating: (label: "1", prediction: "1"), count: tp) + Array(repeating: ("0", "1"), count: fp)
        + Array(repeating: ("1", "0"), count: fn) + Array(repeating: ("0", "0"), count: tn)
      let metrics = try #require(ClassificationMetrics(pairs: pairs))
      let positive = try #require(metrics.perClass.first { $0.label == "1" })
      #expect((try #require(positive.precision) * 1000).rounded() == precision)
      #expect((try #require(positive.recall) * 1000).rounded() == recall)
      #expect((positive.f1 * 1000).rounded() == f1)
      #expect(metrics.confusionMatrix == [[tn, fp], [fn, tp]])
    }
  }

  /// The baseline warning: 97.3% against a 91.4% majority baseline is trusted; 59.3% against 56.2% is not.
  @Test func accuracyNearTheMajorityBaselineIsWarnedAbout() throws {
    func baselineWarnings(tp: Int, fp: Int, fn: Int, tn: Int) throws -> [String] {
      let pairs =
        Array(repeating: (label: "1", prediction: "1"), count: tp) + Array(repeating: ("0", "1"), count: fp)
        + Array(repeating: ("1", "0"), count: fn) + Array(repeating: ("0", "0"), count: tn)
      return try #require(ClassificationMetrics(pairs: pairs)).warnings.filter { $0.contains("always predicting") }
    }
    #expect(try baselineWarnings(tp: 68, fp: 9, fn: 18, tn: 905).isEmpty)
    #expect(
      try baselineWarnings(tp: 32, fp: 1, fn: 406, tn: 561) == [
        "accuracy 59.3% is less than 5 points above always predicting '0' (56.2%); the data is skewed, "
          + "so judge the model by per-class precision and recall"
      ])
  }

  /// `print("0")` on 914 negatives and 86 positives: 91.4% accuracy, recall 0, precision undefined.
  @Test func alwaysPredictingZeroHasNoPrecisionAndIsFlagged() throws {
    var csv = "id,label,prediction\n"
    for id in 0..<1000 { csv += "\(id),\(id < 914 ? 0 : 1),0\n" }
    let report = try AnalysisReport(table: Fixtures.table(csv))
    let metrics = try #require(report.classification)
    let positive = try #require(metrics.perClass.first { $0.label == "1" })

    #expect(positive.recall == 0)
    #expect(positive.precision == nil)
    #expect(positive.predicted == 0 && positive.support == 86)
    #expect(abs(metrics.accuracy - 0.914) < 1e-12)
    #expect(metrics.majorityClass == "0" && abs(metrics.majorityBaseline - 0.914) < 1e-12)
    #expect(metrics.macro.precision == nil)
    #expect(
      metrics.warnings.contains { $0.hasPrefix("accuracy 91.4% is no better than always predicting '0' (91.4%)") })
    #expect(metrics.warnings.contains("precision of '1' is undefined: the model never predicts it"))
    let text = ReportFormatter.format(report)
    #expect(text.split(separator: "\n").contains { $0.hasPrefix("  1 ") && $0.contains("undefined") })
  }
}
