import AugmentPipeline
import Foundation
import Testing

/// Bad rows in a table: an unreadable source is reported and the run goes on; paths may not leave the dataset.
@Suite(.serialized) struct DatasetSafetyTests {
  /// A dataset folder with four clean clips, one corrupt clip, and three real car-noise members.
  static func dataset(in folder: TemporaryFolder, extraRow: String? = nil) throws -> String {
    let files = FileManager.default
    let root = folder.url.appendingPathComponent("data")
    try files.createDirectory(at: root.appendingPathComponent("clips"), withIntermediateDirectories: true)
    var rows = ["id,path,label,prediction,human_label,tags"]
    for name in ["s001", "s002", "s003", "s004"] {
      try files.copyItem(atPath: AugmentCLI.sample("speech/clean/\(name).wav"), toPath: root.path + "/clips/\(name).wav")
      rows.append("\(name),clips/\(name).wav,hello,hello,hello,")
    }
    try Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEnot really audio".utf8).write(to: root.appendingPathComponent("clips/broken.wav"))
    rows.insert("broken,clips/broken.wav,hello,hello,hello,", at: 2)
    let members = try files.contentsOfDirectory(atPath: AugmentCLI.sample("speech/slices")).filter { $0.hasPrefix("car") }
      .sorted().prefix(3)
    for (index, name) in members.enumerated() {
      try files.copyItem(atPath: AugmentCLI.sample("speech/slices/\(name)"), toPath: root.path + "/clips/\(name)")
      rows.append("m\(index),clips/\(name),hello,\(index == 0 ? "hello" : "yellow"),hello,car-noise")
    }
    if let extraRow { rows.append(extraRow) }
    let table = root.appendingPathComponent("errors.csv")
    try Data(rows.joined(separator: "\n").utf8).write(to: table)
    return table.path
  }

  @Test func corruptSourceIsReportedAndTheRunCompletes() throws {
    let folder = try TemporaryFolder()
    let table = try Self.dataset(in: folder)
    let out = folder.path("out")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "6", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks, "--out", out])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stdout.contains("made 6 of 6"))
    #expect(result.stdout.contains("skipped clips/broken.wav"))
    let manifest = try String(contentsOfFile: out + "/manifest.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(manifest.count == 6)
    #expect(!manifest.contains { $0.contains("broken.wav") })
    let rejected = try String(contentsOfFile: out + "/rejected.jsonl", encoding: .utf8)
    #expect(rejected.contains("unreadable-source") && rejected.contains("broken.wav"))
    let summary = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    #expect(summary.skippedSources.map(\.source) == ["clips/broken.wav"])
  }

  @Test(arguments: ["../escape.wav", "clips/../../escape.wav", "/etc/hostname"])
  func pathsLeavingTheDatasetAreRefused(path: String) throws {
    let folder = try TemporaryFolder()
    let table = try Self.dataset(in: folder, extraRow: "evil,\(path),hello,hello,hello,")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "2", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks,
       "--out", folder.path("out")])
    #expect(result.status == 65)
    #expect(result.stderr.contains("errors.csv:10"))
    #expect(result.stderr.contains("leaves the dataset folder"))
    #expect(result.stderr.contains(path))
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }

  /// A link inside the dataset folder to a file or a folder outside it is refused like `../`, unless
  /// --allow-outside-paths is given; then the run reads through it.
  @Test(arguments: [false, true])
  func linksLeavingTheDatasetAreRefused(linkToFolder: Bool) throws {
    let folder = try TemporaryFolder()
    let outside = folder.url.appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: AugmentCLI.sample("speech/clean/s005.wav"), toPath: outside.path + "/s005.wav")
    let data = folder.url.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let path = linkToFolder ? "linked/s005.wav" : "clips/linked.wav"
    if linkToFolder {
      try FileManager.default.createSymbolicLink(atPath: data.path + "/linked", withDestinationPath: outside.path)
    }
    let table = try Self.dataset(in: folder, extraRow: "evil,\(path),hello,hello,hello,")
    if !linkToFolder {
      try FileManager.default.createSymbolicLink(atPath: data.path + "/clips/linked.wav", withDestinationPath: outside.path + "/s005.wav")
    }
    let arguments = [
      "--slice", "car-noise", "--count", "6", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks,
      "--sources", "untagged",
    ]
    let refused = try AugmentCLI.run(arguments + ["--out", folder.path("refused")])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("errors.csv:10: the path “\(path)” leaves the dataset folder"), "\(refused.stderr)")
    #expect(refused.stderr.contains("through a symbolic link (it is really \(outside.resolvingSymlinksInPath().path)/s005.wav)"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("refused")))
    let allowed = try AugmentCLI.run(arguments + ["--out", folder.path("allowed"), "--allow-outside-paths"])
    #expect(allowed.stdout.contains("made 6 of 6"), "\(allowed.stderr)")
    let manifest = try String(contentsOfFile: folder.path("allowed/manifest.jsonl"), encoding: .utf8)
    #expect(manifest.contains(path))
  }

  @Test func aLinkLoopIsNamedAsSuch() throws {
    let folder = try TemporaryFolder()
    let table = try Self.dataset(in: folder, extraRow: "loop,clips/a.wav,hello,hello,hello,")
    let clips = folder.url.appendingPathComponent("data/clips").path
    try FileManager.default.createSymbolicLink(atPath: clips + "/a.wav", withDestinationPath: "b.wav")
    try FileManager.default.createSymbolicLink(atPath: clips + "/b.wav", withDestinationPath: "a.wav")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "6", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks,
       "--out", folder.path("out")])
    #expect(result.status == 65)
    #expect(result.stderr.contains("errors.csv:10: the path “clips/a.wav” goes through a symbolic link loop"), "\(result.stderr)")
  }
}
