import AugmentPipeline
import Foundation
import Testing

/// The checklist's gates as a user meets them: recipes that cannot pass, a slice with no weakness.
@Suite(.serialized) struct ChecklistGateTests {
  static func run(_ slice: String, count: Int, config: String, in folder: TemporaryFolder, extra: [String] = []) throws
    -> AugmentCLI.Output
  {
    let file = folder.path("recipes.yaml")
    try Data(config.utf8).write(to: URL(fileURLWithPath: file))
    return try AugmentCLI.run(
      ["--slice", slice, "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-speech.csv"),
       "--noise-banks", AugmentCLI.noiseBanks, "--config", file, "--out", folder.path("out")] + extra)
  }

  static func rejections(_ folder: TemporaryFolder) throws -> [RejectionRecord] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("out/rejected.jsonl")))
    return try data.split(separator: 0x0A).map { try JSONDecoder().decode(RejectionRecord.self, from: Data($0)) }
  }

  /// Speech buried 20 dB under babble is not intelligible: STOI rejects every candidate. (Car noise at the
  /// same SNR leaves the upper bands clear, and STOI rightly scores it higher.)
  @Test func unintelligibleMixIsRejectedForClarity() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(
      "people-noise", count: 2,
      config: """
        recipes:
          - name: people-noise
            modality: audio
            transforms: [{type: background-noise, category: people, snr_db: [-20, -20]}]
            redraws: 2
        """, in: folder)
    #expect(result.status == 65)
    let rejected = try Self.rejections(folder)
    #expect(!rejected.isEmpty)
    // The terminal and summary.json count candidates, as rejected.jsonl lists them; a candidate can fail more
    // than one rule, so the rule failures are counted apart and add up to more.
    let summary = try JSONDecoder().decode(
      RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: folder.path("out/summary.json"))))
    #expect(summary.rejected == rejected.count)
    #expect(summary.rejectedByRule.values.reduce(0, +) > rejected.count)
    #expect(
      result.stdout.contains("  rejected \(rejected.count) candidates (the lines of rejected.jsonl); rule failures: "),
      "\(result.stdout)")
    for rejection in rejected {
      #expect(rejection.failed.contains("stoi"))
      let stoi = try #require(rejection.checks["stoi"])
      #expect(stoi.value < 0.6 && !stoi.passed)
    }
  }

  /// When every redraw fails, the source is skipped and the reason names the rule.
  @Test func redrawLimitSkipsTheSourceWithItsReason() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(
      "car-noise", count: 1,
      config: """
        recipes:
          - name: car-noise
            modality: audio
            transforms: [{type: background-noise, category: car, snr_db: [0, 15]}]
            checklist: {min_stoi: 0.999}
            redraws: 3
        """, in: folder)
    #expect(result.status == 65)
    #expect(result.stdout.contains("skipped 4 sources: all 3 candidates rejected, most often by stoi"))
    let summary = try JSONDecoder().decode(
      RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: folder.path("out/summary.json"))))
    #expect(summary.made == 0 && summary.failedIndices == [0])
    #expect(summary.skippedSources.count == 4 && summary.rejectedByRule["stoi"] == 12)
  }

  /// A slice the model already handles as well as people do is not augmented, and the user is told why.
  @Test func sliceWithNoGapStopsTheRun() throws {
    let folder = try TemporaryFolder()
    var rows = ["id,path,label,prediction,human_label,tags"]
    for index in 1...6 {
      rows.append("s\(index),\(AugmentCLI.sample("speech/clean/s00\(index).wav")),yes,yes,yes,")
    }
    rows.append("n1,\(AugmentCLI.sample("speech/clean/s007.wav")),yes,yes,yes,car-noise")
    rows.append("n2,\(AugmentCLI.sample("speech/clean/s008.wav")),yes,no,no,car-noise")
    try Data(rows.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder.path("table.csv")))
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "3", "--dataset", folder.path("table.csv"), "--noise-banks",
       AugmentCLI.noiseBanks, "--out", folder.path("out"), "--allow-outside-paths"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("not augmenting car-noise"))
    #expect(result.stderr.contains("close to human level"))
    #expect(result.stderr.contains("--force"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }
}
