import AugmentAnalysis
import Foundation
import Testing

@Suite struct ComparisonFormatterTests {
  @Test func flagsTheDroppedSliceWithItsSize() throws {
    let (before, after) = try ComparisonFixtures.retraining()
    let samples = ManifestCounts(
      manifests: ["car.jsonl", "people.jsonl"], samplesBySlice: ["car-noise": 500, "people-noise": 250])
    let text = ReportFormatter.format(try ComparisonReport(before: before, after: after, samples: samples))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    let drop = try #require(lines.firstIndex { $0.hasPrefix("!!! DROPPED: 1 slice or class is worse after") })
    let entry = lines[drop + 1]
    #expect(entry.hasPrefix("  slice people-noise: accuracy 90.0% -> 80.0% (-10.0 points, "))
    #expect(entry.hasSuffix(" on 300 -> 300 examples, 250 samples added"))
    #expect(lines[drop + 2].isEmpty && drop + 2 == lines.count - 1)

    // The slice table puts the samples next to the change, and writes the verdict in capitals.
    let header = try #require(lines.first { $0.contains("samples added") })
    #expect(header.contains("accuracy before") && header.contains("95% interval"))
    let people = try #require(lines.first { $0.hasPrefix("  people-noise ") })
    #expect(people.contains(" 250 ") && people.contains("-10.0") && people.hasSuffix("DROPPED"))
    let car = try #require(lines.first { $0.hasPrefix("  car-noise ") })
    #expect(car.contains(" 500 ") && car.contains("+20.0") && car.hasSuffix("improved"))
    #expect(lines.contains("750 augmented samples in 2 manifests"))
  }

  @Test func saysWhenNothingDropped() throws {
    let (before, _) = try ComparisonFixtures.retraining()
    let text = ReportFormatter.format(try ComparisonReport(before: before, after: before, confidence: 0.99))
    #expect(!text.contains("DROPPED"))
    #expect(text.hasSuffix("Nothing dropped: no slice or class has lower accuracy after\n"))
    #expect(!text.contains("samples added"))
  }
}
