import Foundation
import Testing

@testable import AugmentPipeline

/// Preparing a run reads the rows the run uses, not the whole table: the sources it can reach and a bounded
/// calibration sample, so a large table costs little more than reading it.
@Suite struct PreparationScaleTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")

  /// A table of four clean clips, then `unusedSources` untagged correct rows at `unusedPath`, then
  /// `members` car-noise rows all pointing at one real member clip.
  static func table(in folder: TemporaryFolder, unusedSources: Int, unusedPath: String, members: Int) throws -> URL {
    let files = FileManager.default
    try files.createDirectory(at: folder.file("clips"), withIntermediateDirectories: true)
    var rows = ["id,path,label,prediction,human_label,tags"]
    for name in ["s001", "s002", "s003", "s004"] {
      try files.copyItem(at: samples.appendingPathComponent("speech/clean/\(name).wav"), to: folder.file("clips/\(name).wav"))
      rows.append("\(name),clips/\(name).wav,hello,hello,hello,")
    }
    rows += (0..<unusedSources).map { "u\($0),\(unusedPath),hello,hello,hello," }
    let member = try files.contentsOfDirectory(atPath: samples.appendingPathComponent("speech/slices").path)
      .filter { $0.hasPrefix("car") }.sorted()[0]
    try files.copyItem(at: samples.appendingPathComponent("speech/slices/\(member)"), to: folder.file("clips/car.wav"))
    rows += (0..<members).map { "m\($0),clips/car.wav,hello,\($0 % 2 == 0 ? "hello" : "yellow"),hello,car-noise" }
    return try folder.write(rows.joined(separator: "\n"), to: "errors.csv")
  }

  /// Rows the run does not reach are never resolved: here each is a link loop, which resolving would refuse.
  @Test func sourcesTheRunDoesNotReachAreNotResolved() throws {
    let folder = try TemporaryFolder()
    let table = try Self.table(in: folder, unusedSources: 1000, unusedPath: "clips/loop.wav", members: 0)
    try FileManager.default.createSymbolicLink(atPath: folder.file("clips/loop.wav").path, withDestinationPath: "loop.wav")
    let dataset = try SliceDataset(tableURL: table)
    let rows = try dataset.eligibleRows(.untaggedCorrect)
    let examples = try dataset.examples(rows, resolving: [0, 1, 2, 3])
    #expect(examples.count == 1004 && examples.prefix(4).map(\.id) == ["s001", "s002", "s003", "s004"])
    #expect(throws: DatasetPathError(path: "clips/loop.wav", problem: .linkLoop, location: "\(table.path):6")) {
      try dataset.examples(rows, resolving: [0, 4])
    }
  }

  @Test func calibrationSamplesALargeSliceEvenly() {
    let picked = SliceDataset.evenlySpaced(Array(0..<1000), limit: 256)
    #expect(picked.count == 256)
    #expect(picked.first == 0 && picked.last == 996)
    #expect(zip(picked, picked.dropFirst()).allSatisfy { $1 - $0 == 3 || $1 - $0 == 4 })
    #expect(SliceDataset.evenlySpaced(Array(0..<200), limit: 256) == Array(0..<200))
  }

  /// A run of 2 samples from a table of 2,004 sources and 600 members resolves only the sources its schedule
  /// reaches (each sample tries up to 4), the 6 the draws' pilot starts from and the 256 rows calibration
  /// measures: every other source row is a link loop, which resolving would refuse.
  @Test func preparationReadsOnlyWhatTheRunUses() throws {
    let folder = try TemporaryFolder()
    let table = try Self.table(in: folder, unusedSources: 0, unusedPath: "", members: 600)
    let paths = ["s001", "s002", "s003", "s004"].map { "clips/\($0).wav" } + (0..<2000).map { "clips/u\($0).wav" }
    let schedule = SourceSchedule(strata: paths.map { _ in "hello" }, sortKeys: paths, seed: 1)
    let reached = schedule.sourcesReached(samples: 2, tries: 4)
    #expect((2...8).contains(reached.count))
    let pilot = Set(DrawPilot.positions(among: paths.count))
    // The table holds the 4 clean rows, the 600 members, then the 2,000 others; calibration's loudness
    // measures 256 rows spread evenly through it.
    let measured = Set(SliceDataset.evenlySpaced(Array(0..<2604), limit: PreparedRun.calibrationLimit))
    var text = try String(contentsOf: table, encoding: .utf8)
    for (position, path) in paths.enumerated().dropFirst(4) {
      let link = folder.file(path).path
      if reached.contains(position) || pilot.contains(position) || measured.contains(position + 600) {
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "s001.wav")
      } else {
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: (path as NSString).lastPathComponent)
      }
      text += "\nu\(position - 4),\(path),hello,hello,hello,"
    }
    try text.write(to: table, atomically: true, encoding: .utf8)
    let request = SliceRunRequest(
      slice: "car-noise", count: 2, seed: 1, jobs: 2, dataset: table,
      noiseBanks: Self.samples.deletingLastPathComponent().appendingPathComponent("noise-banks"),
      output: folder.file("out"), force: true)
    let prepared = try PreparedRun.prepare(request)
    #expect(prepared.sources.count == 2004)
    #expect(prepared.dryRunDescription().contains("2 samples from 2004 untagged-correct rows"))
    #expect(prepared.dryRunDescription().contains("calibrated on \(PreparedRun.calibrationLimit) real members"))
    #expect(prepared.dryRunDescription().contains("loudness of \(PreparedRun.calibrationLimit) dataset clips"))
  }
}
