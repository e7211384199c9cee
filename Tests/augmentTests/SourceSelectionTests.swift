import AugmentPipeline
import Foundation
import Testing

/// Which rows a run starts from, end to end: table order does not matter, held-out rows are never sources,
/// tables may live away from their media, and dataset folders run like tables.
@Suite(.serialized) struct SourceSelectionTests {
  /// The shipped image table's header and rows, with a `split` column: every third row `dev`, the next `test`.
  static func imageRows() throws -> (header: String, rows: [String]) {
    let lines = try String(contentsOfFile: AugmentCLI.sample("errors-images.csv"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let rows = lines.dropFirst().enumerated().map { index, row in
      row + "," + ["dev", "test", "train", "train", "train", "train"][index % 6]
    }
    return (lines[0] + ",split", rows)
  }

  static func field(_ row: String, _ column: Int) -> String {
    String(row.split(separator: ",", omittingEmptySubsequences: false)[column])
  }

  static func labelCounts(_ folder: String) throws -> [String: Int] {
    Dictionary(grouping: try SliceRunTests.manifest(folder), by: \.label).mapValues(\.count)
  }

  static func darkRun(_ table: String, out: String, count: Int, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "dark-background", "--count", "\(count)", "--dataset", table, "--out", out, "--jobs", "2"] + extra)
  }

  /// 12 samples from a table sorted by label and from the same table shuffled, both living away from their
  /// media (`--media-root`): each label's count agrees within one, and each is its share of the 37 sources
  /// (15 ok, 6 discoloration, 6 pit-mark, 5 dent, 5 scratch) within one. In table order the sorted table's
  /// first 12 rows would have given 5 dent, 6 discoloration, 1 ok and no pit-mark or scratch at all.
  @Test func sortedAndShuffledTablesGiveTheSameLabelCounts() throws {
    let folder = try TemporaryFolder()
    let (header, rows) = try Self.imageRows()
    let sorted = rows.sorted { (Self.field($0, 2), $0) < (Self.field($1, 2), $1) }
    var generator = SystemRandomNumberGenerator()
    let shuffled = rows.shuffled(using: &generator)
    try ([header] + sorted).joined(separator: "\n").write(toFile: folder.path("sorted.csv"), atomically: true, encoding: .utf8)
    try ([header] + shuffled).joined(separator: "\n").write(toFile: folder.path("shuffled.csv"), atomically: true, encoding: .utf8)
    let media = ["--media-root", AugmentCLI.sample("")]
    for name in ["sorted", "shuffled"] {
      let result = try Self.darkRun(folder.path("\(name).csv"), out: folder.path(name), count: 12, extra: media)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let (a, b) = (try Self.labelCounts(folder.path("sorted")), try Self.labelCounts(folder.path("shuffled")))
    let sources = ["ok": 15, "discoloration": 6, "pit-mark": 6, "dent": 5, "scratch": 5]
    for (label, size) in sources {
      #expect(abs(a[label, default: 0] - b[label, default: 0]) <= 1, "\(label): \(a) vs \(b)")
      #expect(abs(Double(a[label, default: 0]) - 12 * Double(size) / 37) < 1, "\(label): \(a)")
    }
    #expect(a.values.reduce(0, +) == 12 && Set(a.keys).isSubset(of: Set(sources.keys)))
    // The schedule never looks at row order, so the two manifests are the same bytes.
    let manifests = try ["sorted", "shuffled"].map { try Data(contentsOf: URL(fileURLWithPath: folder.path("\($0)/manifest.jsonl"))) }
    #expect(manifests[0] == manifests[1])
  }

  /// With `--sources-where split=train` no manifest source is a dev or test row; calibration still uses the
  /// slice's members of every split, and the dry run says which.
  @Test func sourcesWhereKeepsHeldOutRowsOut() throws {
    let folder = try TemporaryFolder()
    let (header, rows) = try Self.imageRows()
    try ([header] + rows).joined(separator: "\n").write(toFile: folder.path("errors.csv"), atomically: true, encoding: .utf8)
    let split = Dictionary(uniqueKeysWithValues: rows.map { (Self.field($0, 1), Self.field($0, 7)) })
    let media = ["--media-root", AugmentCLI.sample(""), "--sources-where", "split=train"]
    let dryRun = try Self.darkRun(folder.path("errors.csv"), out: folder.path("dry"), count: 12, extra: media + ["--dry-run"])
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    let dark = rows.filter { $0.contains("dark-background") }.map { split[Self.field($0, 1)]! }
    let bySplit = Dictionary(grouping: dark, by: { $0 }).mapValues(\.count)
    #expect(Set(bySplit.keys).count > 1, "the fixture puts dark-background members in several splits")
    let expected = bySplit.keys.sorted().map { "\($0) \(bySplit[$0]!)" }.joined(separator: ", ")
    #expect(dryRun.stdout.contains("calibration: \(dark.count) real dark-background members from any split (\(expected))"))
    let trainSources = rows.filter { split[Self.field($0, 1)] == "train" && Self.field($0, 5).isEmpty
      && Self.field($0, 2) == Self.field($0, 3) }
    #expect(dryRun.stdout.contains("sources: \(trainSources.count) untagged-correct rows where split=train"))

    let result = try Self.darkRun(folder.path("errors.csv"), out: folder.path("train"), count: 12, extra: media)
    #expect(result.status == 0, "\(result.stderr)")
    let records = try SliceRunTests.manifest(folder.path("train"))
    #expect(records.count == 12)
    for record in records { #expect(split[record.source] == "train", "\(record.source) is a \(split[record.source] ?? "?") row") }
    // Twelve samples from the train sources: each used once before any twice, but for the sources the
    // checklist gave up on (each index then falls back to the schedule's next source).
    let summary = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: folder.path("train") + "/summary.json"))) as? [String: Any]
    let skipped = try #require(summary?["skipped_sources"] as? [[String: Any]]).count
    #expect(Set(records.map(\.source)).count >= min(12, trainSources.count) - skipped)
  }

  /// A resumed run must take its sources as the first part did.
  @Test func resumingWithOtherSourceSettingsIsRefused() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("run")
    let table = AugmentCLI.sample("errors-images.csv")
    #expect(try Self.darkRun(table, out: out, count: 2).status == 0)
    let refused = try Self.darkRun(table, out: out, count: 3, extra: ["--resume", "--balance", "none"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("holds a different run (sources --sources untagged-correct --balance label, not "
      + "--sources untagged-correct --balance none)"), "\(refused.stderr)")
    // Nor may a resume write its samples in another format than the first part did.
    let otherFormat = try Self.darkRun(table, out: out, count: 3, extra: ["--resume", "--image-format", "jpeg"])
    #expect(otherFormat.status == 65)
    #expect(otherFormat.stderr.contains("holds a different run (samples written as as-source, not jpeg)"), "\(otherFormat.stderr)")
    #expect(try Self.darkRun(table, out: out, count: 3, extra: ["--resume"]).status == 0)
  }

  /// An image folder in Hugging Face's layout (split folders, class folders) with predictions and tags in a
  /// separate table runs like the table it replaces: sources come from the train split only.
  @Test func aDatasetFolderRunsWithItsPredictions() throws {
    let folder = try TemporaryFolder()
    let (_, rows) = try Self.imageRows()
    var predictions = ["file_name,prediction,human_label,tags,defect_box"]
    for row in rows {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let split = fields[7] == "train" ? "train" : "test"
      let name = "\(split)/\(fields[2])/\(fields[0]).png"
      let target = URL(fileURLWithPath: folder.path("photos/\(name)"))
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: URL(fileURLWithPath: AugmentCLI.sample(fields[1])), to: target)
      predictions.append([name, fields[3], fields[4], fields[5], fields[6]].joined(separator: ","))
    }
    try predictions.joined(separator: "\n").write(toFile: folder.path("predictions.csv"), atomically: true, encoding: .utf8)
    let analysis = try AugmentCLI.run(["analyze", folder.path("photos"), "--predictions", folder.path("predictions.csv")])
    #expect(analysis.status == 0, "\(analysis.stderr)")
    #expect(analysis.stdout.contains("60 rows") && analysis.stdout.contains("dark-background       7"))
    let result = try Self.darkRun(
      folder.path("photos"), out: folder.path("out"), count: 4,
      extra: ["--predictions", folder.path("predictions.csv"), "--sources-where", "split=train"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try SliceRunTests.manifest(folder.path("out"))
    #expect(records.count == 4)
    for record in records {
      #expect(record.source.hasPrefix("train/\(record.label)/"), "\(record.source)")
      #expect(FileManager.default.fileExists(atPath: folder.path("photos/\(record.source)")))
    }
  }
}
