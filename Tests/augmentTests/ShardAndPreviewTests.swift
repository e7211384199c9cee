import AugmentPipeline
import Foundation
import Testing

/// Sharded runs merge into the unsharded run byte for byte; previews reference only files that exist.
@Suite(.serialized) struct ShardAndPreviewTests {
  static func imageRun(_ out: String, count: Int, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "reflection", "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-images.csv"),
       "--out", out, "--seed", "5"] + extra)
  }

  static func speechRun(_ out: String, count: Int, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "people-noise", "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-speech.csv"),
       "--noise-banks", AugmentCLI.noiseBanks, "--out", out, "--seed", "5"] + extra)
  }

  static func files(_ folder: String) throws -> [String: Data] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".wav") || $0.hasSuffix(".png") || ["manifest.jsonl", "realism-members.json"].contains($0) }
    return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) })
  }

  @Test func fourShardsMergeToTheUnshardedRun() throws {
    let folder = try TemporaryFolder()
    let whole = folder.path("whole"), sharded = folder.path("sharded")
    #expect(try Self.speechRun(whole, count: 60).status == 0)
    for shard in 0..<4 {
      let result = try Self.speechRun(sharded, count: 60, extra: ["--shard", "\(shard)/4"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.contains("made 15 of 15"))
    }
    let merged = try AugmentCLI.run(["merge", sharded])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout.contains("60 of 60"))
    let expected = try Self.files(whole)
    #expect(expected.count == 62)
    #expect(try Self.files(sharded) == expected)
    // The merged summary carries the figure the unsharded run computed over the same samples.
    let wholeRealism = try Self.summary(whole).realism
    guard case .measured(let figure) = wholeRealism else {
      Issue.record("people-noise has enough members to measure realism, got \(String(describing: wholeRealism))")
      return
    }
    #expect(figure.accepted == 60)
    #expect(try Self.summary(sharded).realism == wholeRealism)
  }

  static func summary(_ folder: String) throws -> RunSummary {
    try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json")))
  }

  @Test func shardFromTheEnvironmentAndAMissingShardIsNamed() throws {
    let folder = try TemporaryFolder()
    let sharded = folder.path("sharded")
    for shard in [0, 2] {
      let process = try AugmentCLI.start(
        ["--slice", "people-noise", "--count", "12", "--dataset", AugmentCLI.sample("errors-speech.csv"),
         "--noise-banks", AugmentCLI.noiseBanks, "--out", sharded, "--seed", "5"])
      process.environment = ProcessInfo.processInfo.environment.merging(
        ["SLURM_ARRAY_TASK_ID": "\(shard)", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "0"]) { $1 }
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(FileManager.default.fileExists(atPath: sharded + "/manifest.shard-2-of-3.jsonl"))
    let merged = try AugmentCLI.run(["merge", sharded])
    #expect(merged.status == 65)
    #expect(merged.stderr.contains("shard 1/3: no run found; run it with --shard 1/3"))
    #expect(!FileManager.default.fileExists(atPath: sharded + "/manifest.jsonl"))
  }

  @Test func previewListsEveryPairAndEveryReferenceExists() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("run")
    #expect(try Self.imageRun(out, count: 8).status == 0)
    let result = try AugmentCLI.run(["preview", out])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: out + "/preview.html", encoding: .utf8)
    for index in 0..<8 {
      #expect(html.contains("reflection-00000\(index)"))
    }
    let references = html.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(references.count >= 16)
    for reference in references {
      let path = (String(reference).removingPercentEncoding ?? String(reference))
      #expect(FileManager.default.fileExists(atPath: URL(fileURLWithPath: out).appendingPathComponent(path).standardizedFileURL.path), "\(path)")
    }
    #expect(FileManager.default.fileExists(atPath: out + "/preview.png"))
  }
}
