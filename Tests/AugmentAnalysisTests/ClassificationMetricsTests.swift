import AugmentAnalysis
import Foundation
import Testing

/// Per-class metrics against scikit-learn (`precision_recall_fscore_support`, `confusion_matrix`), whose values
/// `Reference/make-classification.py` wrote to `Reference/classification.json`.
@Suite struct ClassificationMetricsTests {
  struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var labels: [String]
      var predictions: [String]
      var classes: [String]
      var confusionMatrix: [[Int]]
      var precision: [Double?]
      var recall: [Double?]
      var f1: [Double]
      var support: [Int]
      var accuracy: Double
      var macro: [Double]
      var micro: [Double]
    }

    var cases: [Case]
  }

  private func reference(_ name: String) throws -> Reference.Case {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Reference/classification.json")
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    return try #require(reference.cases.first { $0.name == name })
  }

  private func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): abs(a - b) < 1e-15
    default: false
    }
  }

  @Test(arguments: ["all-defined", "undefined"])
  func matchesScikitLearn(caseName: String) throws {
    let expected = try reference(caseName)
    let pairs = zip(expected.labels, expected.predictions).map { (label: $0, prediction: $1) }
    let metrics = try #require(ClassificationMetrics(pairs: pairs))

    #expect(metrics.classes == expected.classes)
    #expect(metrics.confusionMatrix == expected.confusionMatrix)
    #expect(metrics.perClass.map(\.support) == expected.support)
    for (index, entry) in metrics.perClass.enumerated() {
      #expect(close(entry.precision, expected.precision[index]), "precision of \(entry.label)")
      #expect(close(entry.recall, expected.recall[index]), "recall of \(entry.label)")
      #expect(close(entry.f1, expected.f1[index]), "F1 of \(entry.label)")
    }
    #expect(close(metrics.accuracy, expected.accuracy))
    #expect(close(metrics.micro.precision, expected.micro[0]) && close(metrics.micro.recall, expected.micro[1]))
    #expect(close(metrics.micro.f1, expected.micro[2]))
    #expect(close(metrics.macro.f1, expected.macro[2]))
    // scikit-learn leaves undefined classes out of the macro average; augment calls the average undefined.
    let allPrecisionsDefined = expected.precision.allSatisfy { $0 != nil }
    #expect(close(metrics.macro.precision, allPrecisionsDefined ? expected.macro[0] : nil))
    let allRecallsDefined = expected.recall.allSatisfy { $0 != nil }
    #expect(close(metrics.macro.recall, allRecallsDefined ? expected.macro[1] : nil))
  }

  @Test func undefinedCaseReallyHasUndefinedValues() throws {
    let expected = try reference("undefined")
    #expect(expected.precision.contains(nil) && expected.recall.contains(nil))
  }

  @Test func numericClassesSortAsNumbers() throws {
    let pairs = ["10", "9", "2", "10"].map { (label: $0, prediction: $0) }
    #expect(try #require(ClassificationMetrics(pairs: pairs)).classes == ["2", "9", "10"])
  }
}
