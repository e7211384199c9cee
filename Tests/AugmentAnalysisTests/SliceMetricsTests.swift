import AugmentAnalysis
import Foundation
import Testing

@Suite struct SliceMetricsTests {
  /// Rows tagged both car-noise and people-noise count in both slices, from the `tags` column and from boolean
  /// tag columns alike.
  @Test func multiTagRowsCountInEveryTag() throws {
    let csv = """
      label,prediction,tags,blurry
      a,a,car-noise;people-noise,1
      a,b,car-noise;people-noise,0
      a,a,car-noise,1
      a,b,people-noise,0
      a,a,,0
      """
    let report = try AnalysisReport(table: Fixtures.table(csv))
    let slices = Dictionary(uniqueKeysWithValues: report.slices.map { ($0.name, $0) })
    let car = try #require(slices["car-noise"])
    let people = try #require(slices["people-noise"])
    let blurry = try #require(slices["blurry"])
    #expect((car.count, car.errors, people.count, people.errors, blurry.count, blurry.errors) == (3, 1, 3, 2, 2, 0))
    #expect(car.share == 0.6 && people.share == 0.6 && blurry.share == 0.4)
    #expect(abs(car.accuracy - 2.0 / 3) < 1e-15 && abs(people.accuracy - 1.0 / 3) < 1e-15)
    // Two errors in all; one of them carries car-noise, both carry people-noise.
    #expect(car.errorShare == 0.5 && people.errorShare == 1 && blurry.errorShare == 0)
    #expect(report.untagged?.count == 1)
    #expect(report.overall.count == 5 && report.overall.errors == 2)
  }

  @Test func hlpTableTakesPrecedenceOverHumanLabels() throws {
    let csv = """
      label,prediction,human_label,tags
      a,a,a,blurry
      a,b,a,blurry
      a,a,b,reflection
      a,b,a,reflection
      a,b,,dark-background
      """
    let hlp = try Fixtures.hlp("tag,human_accuracy\nblurry,80%\n")
    let report = try AnalysisReport(table: Fixtures.table(csv), options: AnalysisOptions(hlp: hlp))
    let slices = Dictionary(uniqueKeysWithValues: report.slices.map { ($0.name, $0) })

    let blurry = try #require(slices["blurry"])
    #expect(blurry.hlpAccuracy == 0.8 && blurry.hlpSource == .hlpTable)
    #expect(abs(try #require(blurry.gapToHLP) - 0.3) < 1e-15)
    #expect(abs(try #require(blurry.potentialGain) - 0.3 * 0.4) < 1e-15)

    let reflection = try #require(slices["reflection"])
    #expect(reflection.hlpAccuracy == 0.5 && reflection.hlpSource == .humanLabels && reflection.humanJudged == 2)
    #expect(reflection.potentialGain == 0)
    #expect(reflection.reason.hasPrefix("at or above HLP: accuracy 50.0% equals HLP 50.0%"))

    let dark = try #require(slices["dark-background"])
    #expect(dark.hlpAccuracy == nil && dark.gapToHLP == nil && dark.potentialGain == nil && dark.hlpSource == nil)
    #expect(dark.reason.hasPrefix("HLP unknown: no --hlp entry for 'dark-background' and no human labels"))
    #expect(report.slices.map(\.name) == ["blurry", "reflection", "dark-background"])
    #expect(report.slices.map(\.rank) == [1, 2, 3])
  }

  @Test func modelAboveHumansHasNoGainButANegativeGap() throws {
    let csv = "label,prediction,human,tags\na,a,b,blurry\na,a,a,blurry\n"
    let blurry = try #require(try AnalysisReport(table: Fixtures.table(csv)).slices.first)
    #expect(blurry.gapToHLP == -0.5 && blurry.potentialGain == 0)
    #expect(blurry.reason == "at or above HLP: accuracy 100.0% exceeds HLP 50.0%, so nothing to gain")
  }

  /// Weighting makes a few important misses outweigh many cheap ones: counted, "other" has the larger gain;
  /// weighted, the navigational queries do.
  @Test func weightsChangeTheFiguresAndTheRanking() throws {
    var csv = "label,prediction,weight,tags\n"
    for index in 0..<10 { csv += index < 8 ? "q,q,1,navigational\n" : "q,x,5,navigational\n" }
    for index in 0..<10 { csv += index < 6 ? "q,q,1,other\n" : "q,x,1,other\n" }
    let hlp = try Fixtures.hlp("tag,human_accuracy\nnavigational,1\nother,1\n")
    let report = try AnalysisReport(table: Fixtures.table(csv), options: AnalysisOptions(hlp: hlp))
    #expect(report.weighted)
    let navigational = try #require(report.slices.first { $0.name == "navigational" })
    let other = try #require(report.slices.first { $0.name == "other" })

    // Counted: navigational 80% on half the data (gain 10%), other 60% on half (gain 20%).
    #expect(abs(try #require(navigational.potentialGain) - 0.1) < 1e-15)
    #expect(abs(try #require(other.potentialGain) - 0.2) < 1e-15)
    // Weighted: total weight 28; navigational weighs 18 with 8 right, other weighs 10 with 6 right.
    let weightedNavigational = try #require(navigational.weighted)
    #expect(weightedNavigational.total == 18)
    #expect(abs(weightedNavigational.accuracy - 8.0 / 18) < 1e-15)
    #expect(abs(weightedNavigational.share - 18.0 / 28) < 1e-15)
    #expect(abs(try #require(weightedNavigational.errorShare) - 10.0 / 14) < 1e-15)
    #expect(abs(try #require(weightedNavigational.potentialGain) - 10.0 / 28) < 1e-15)
    #expect(abs(try #require(other.weighted?.potentialGain) - 4.0 / 28) < 1e-15)
    #expect(report.slices.map(\.name) == ["navigational", "other"])
    #expect(navigational.reason.hasPrefix("weighted potential gain 35.71%"))
  }

  @Test func groupAuditFlagsTheLargestGap() throws {
    var csv = "label,prediction,human,gender,accent\n"
    for index in 0..<10 { csv += "a,\(index < 9 ? "a" : "b"),a,female,north\n" }
    for index in 0..<10 { csv += "a,\(index < 7 ? "a" : "b"),a,male,south\n" }
    for index in 0..<4 { csv += "a,\(index < 3 ? "a" : "b"),a,,south\n" }
    let report = try AnalysisReport(
      table: Fixtures.table(csv), options: AnalysisOptions(groupColumns: ["gender", "accent"]))
    let gender = try #require(report.groups.first)
    #expect(gender.column == "gender")
    #expect(gender.groups.map(\.name) == ["male", "", "female"])
    #expect(gender.groups.map(\.count) == [10, 4, 10])
    let gap = try #require(gender.largestGap)
    #expect(gap.best == "female" && gap.worst == "male" && abs(gap.accuracyDifference - 0.2) < 1e-15)
    #expect(gender.groups[0].reason == "largest gap: accuracy 20.0 points below 'female'")
    #expect(gender.groups[2].reason == "best group")
    #expect(gender.groups[0].hlpAccuracy == 1 && gender.groups[0].rank == nil)
    let accent = try #require(report.groups.last)
    #expect(accent.largestGap?.worst == "south" && accent.groups.map(\.count) == [14, 10])
  }

  @Test func classificationIsSkippedForScoresAndFreeText() throws {
    #expect(try Fixtures.speechReport().classification == nil)
    #expect(try Fixtures.speechReport().classificationNote?.contains("score threshold") == true)
    let csv = "label,prediction\n" + (0..<6).map { "word\($0),word\($0)\n" }.joined()
    let report = try AnalysisReport(table: Fixtures.table(csv), options: AnalysisOptions(maxClasses: 5))
    #expect(report.classification == nil)
    #expect(report.classificationNote?.hasPrefix("no per-class metrics: 6 distinct labels") == true)
  }
}
