import AugmentAnalysis
import Foundation
import Testing

@Suite struct AnalysisReportTests {
  @Test func reportRoundTripsThroughJSONWithStableBytes() throws {
    var csv = "id,label,prediction,human,weight,tags,gender\n"
    for index in 0..<40 {
      let tags = ["", "blurry", "blurry;reflection", "dark-background"][index % 4]
      csv += "\(index),\(index % 3),\(index % 5 == 0 ? 1 : index % 3),\(index % 3),\(1 + index % 2),\(tags),"
      csv += "\(index % 2 == 0 ? "f" : "m")\n"
    }
    let hlp = try Fixtures.hlp("tag,human_accuracy\nblurry,0.9\n")
    let report = try AnalysisReport(
      table: Fixtures.table(csv), options: AnalysisOptions(hlp: hlp, groupColumns: ["gender"]))
    let data = try report.jsonData()
    let decoded = try AnalysisReport.decode(from: data, source: "analysis.json")
    #expect(decoded == report)
    #expect(try decoded.jsonData() == data)
    #expect(report.classification != nil && report.weighted && report.groups.count == 1)

    let text = try #require(String(data: data, encoding: .utf8))
    let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      String($0.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(topLevelKeys == topLevelKeys.sorted())
    #expect(topLevelKeys.contains("dataset") && topLevelKeys.contains("sourceExamples"))
  }

  @Test func decodingRejectsOtherJSONNamingTheSource() throws {
    let error = #expect(throws: PlanError.self) {
      try AnalysisReport.decode(from: Data("{\"budget\": 3}".utf8), source: "plan.json")
    }
    #expect(String(describing: error ?? .invalidBudget(0)).hasPrefix("plan.json: not an analysis report"))

    var report = try Fixtures.speechReport()
    report.formatVersion = 2
    let future = #expect(throws: PlanError.self) {
      try AnalysisReport.decode(from: report.jsonData(), source: "new.json")
    }
    #expect(String(describing: future ?? .invalidBudget(0)).contains("format version 2"))
  }

  @Test func reportRecordsDatasetRowsAndCorrectness() throws {
    let report = try Fixtures.speechReport()
    #expect(report.dataset == URL(fileURLWithPath: "speech.csv").path)
    #expect(report.rowCount == 5000)
    #expect(report.scoreRule == ScoreRule(threshold: 0.1, direction: .lowerIsBetter))
    #expect(!report.weighted && report.hlpTable == nil)
    #expect(report.overall.rank == nil && report.overall.reason == "all rows")
  }
}
