import AugmentPipeline
import Foundation
import Testing

/// The output folder as processes share it: one writer at a time, outputs checked against their digests,
/// and a summary that describes the whole folder after a resume.
@Suite(.serialized) struct OutputIntegrityTests {
  /// Car noise under a strict clarity rule, so runs meet rejections and skipped sources.
  static let strictRecipe = """
    recipes:
      - name: car-noise
        modality: audio
        transforms: [{type: background-noise, category: car, snr_db: [0, 15]}]
        checklist: {min_stoi: 0.9}
        redraws: 2
    """

  static func arguments(_ out: String, count: Int, extra: [String] = []) -> [String] {
    ["--slice", "car-noise", "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-speech.csv"),
     "--noise-banks", AugmentCLI.noiseBanks, "--out", out, "--seed", "11"] + extra
  }

  static func lines(_ file: String) throws -> [Data] {
    try Data(contentsOf: URL(fileURLWithPath: file)).split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
  }

  /// While a run writes a folder, a resume (or a new run) into it is refused with status 73 and the run's
  /// process ID; the run's manifest has every index once and every line whole.
  @Test func aConcurrentResumeIsRefusedWithTheHoldersID() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("out")
    let run = try AugmentCLI.start(Self.arguments(out, count: 400, extra: ["--jobs", "1"]))
    try run.run()
    let manifest = out + "/manifest.jsonl"
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline, ((try? Data(contentsOf: URL(fileURLWithPath: manifest)))?.count ?? 0) == 0 { usleep(5_000) }

    let resume = try AugmentCLI.run(Self.arguments(out, count: 400, extra: ["--resume"]))
    let fresh = try AugmentCLI.run(Self.arguments(out, count: 400))
    kill(run.processIdentifier, SIGINT)
    run.waitUntilExit()
    for refused in [resume, fresh] {
      #expect(refused.status == 73, "\(refused.stderr)")
      #expect(refused.stderr.contains("is in use by process \(run.processIdentifier)"), "\(refused.stderr)")
    }
    #expect(run.terminationStatus == 130)

    let lines = try Self.lines(manifest)
    #expect(lines.last == Data())
    let records = try lines.dropLast().map { try JSONDecoder().decode(ManifestRecord.self, from: $0) }
    #expect(records.count >= 4 && records.count < 400)
    #expect(records.map(\.index) == Array(0..<records.count))
  }

  /// Two shards of a run write one folder side by side; a merge, or a second copy of a shard, is refused
  /// with status 73 and the running shard's process ID.
  @Test func shardsRunTogetherButExcludeAMergeAndTheirOwnCopy() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("sharded")
    var shards: [Process] = []
    for shard in 0..<2 {
      let process = try AugmentCLI.start(Self.arguments(out, count: 400, extra: ["--shard", "\(shard)/2", "--jobs", "1"]))
      try process.run()
      shards.append(process)
      let manifest = URL(fileURLWithPath: out + "/manifest.shard-\(shard)-of-2.jsonl")
      let deadline = Date().addingTimeInterval(120)
      while Date() < deadline, ((try? Data(contentsOf: manifest))?.count ?? 0) == 0, process.isRunning { usleep(5_000) }
    }
    #expect(shards.allSatisfy { $0.isRunning })
    let merge = try AugmentCLI.run(["merge", out])
    let copy = try AugmentCLI.run(Self.arguments(out, count: 400, extra: ["--shard", "1/2", "--resume"]))
    for shard in shards {
      kill(shard.processIdentifier, SIGINT)
      shard.waitUntilExit()
      #expect(shard.terminationStatus == 130)
    }
    #expect(merge.status == 73)
    #expect(merge.stderr.contains("is in use by process \(shards[0].processIdentifier)"), "\(merge.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out + "/manifest.jsonl"))
    #expect(copy.status == 73)
    #expect(copy.stderr.contains("is in use by process \(shards[1].processIdentifier)"), "\(copy.stderr)")
  }

  /// A deleted output stops the merge, which names it and writes nothing; the shard's resume makes it again.
  /// `verify` then passes the folder, and names a changed byte.
  @Test func mergeAndVerifyNameAMissingOrChangedOutput() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("sharded")
    for shard in 0..<2 {
      let result = try AugmentCLI.run(Self.arguments(out, count: 8, extra: ["--shard", "\(shard)/2"]))
      #expect(result.status == 0, "\(result.stderr)")
    }
    try FileManager.default.removeItem(atPath: out + "/car-noise-000003.wav")
    let refused = try AugmentCLI.run(["merge", out])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("shard 1/2: car-noise-000003.wav: missing; run the shard again with --shard 1/2 --resume"),
      "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out + "/manifest.jsonl"))

    #expect(try AugmentCLI.run(Self.arguments(out, count: 8, extra: ["--shard", "1/2", "--resume"])).status == 0)
    let merged = try AugmentCLI.run(["merge", out])
    #expect(merged.status == 0, "\(merged.stderr)")
    let verified = try AugmentCLI.run(["verify", out])
    #expect(verified.status == 0, "\(verified.stderr)")
    #expect(verified.stdout.contains("verified 8 outputs"))

    let changed = URL(fileURLWithPath: out + "/car-noise-000005.wav")
    var bytes = try Data(contentsOf: changed)
    bytes[bytes.count - 1] ^= 0x01
    try bytes.write(to: changed)
    try Data("stray".utf8).write(to: URL(fileURLWithPath: out + "/car-noise-000099.wav"))
    let caught = try AugmentCLI.run(["verify", out])
    #expect(caught.status == 65)
    #expect(caught.stderr.contains("1 of 8 outputs do not match"))
    #expect(caught.stderr.contains("car-noise-000005.wav: changed (SHA-256 "))
    #expect(caught.stderr.contains("warning: \(out)/car-noise-000099.wav: no manifest line names it"))
    #expect(try AugmentCLI.run(["verify", folder.path("nothing")]).status == 66)
  }

  /// After a run and its resume, summary.json counts what one uninterrupted run counts, and run.json keeps
  /// the count; a resume asking fewer samples is refused and changes nothing.
  @Test func summaryAfterAResumeCoversTheWholeFolder() throws {
    let folder = try TemporaryFolder()
    let recipes = folder.path("recipes.yaml")
    try Data(Self.strictRecipe.utf8).write(to: URL(fileURLWithPath: recipes))
    let config = ["--config", recipes]
    // The strict checklist leaves some indices without a sample (exit 65), the same ones however the run is split.
    func summary(_ name: String) throws -> RunSummary {
      try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: folder.path("\(name)/summary.json"))))
    }
    let whole = try AugmentCLI.run(Self.arguments(folder.path("whole"), count: 12, extra: config))
    _ = try AugmentCLI.run(Self.arguments(folder.path("resumed"), count: 6, extra: config))
    let firstMade = try summary("resumed").made
    let resumed = try AugmentCLI.run(Self.arguments(folder.path("resumed"), count: 12, extra: config + ["--resume"]))
    #expect(resumed.status == whole.status && [0, 65].contains(resumed.status), "\(resumed.stderr)")

    let expected = try summary("whole"), found = try summary("resumed")
    #expect(expected.rejectedByRule.values.reduce(0, +) > 0 && !expected.skippedSources.isEmpty)
    #expect(found.made == expected.made && found.madeNow == expected.made - firstMade && found.resumed && found.requested == 12)
    #expect(found.realism == expected.realism)
    #expect(found.rejectedByRule == expected.rejectedByRule)
    #expect(found.skippedSources == expected.skippedSources)
    #expect(found.failedIndices == expected.failedIndices)

    let runFile = URL(fileURLWithPath: folder.path("resumed/run.json"))
    let recorded = try Data(contentsOf: runFile)
    #expect(try JSONDecoder().decode(RunIdentity.self, from: recorded).count == 12)
    let lower = try AugmentCLI.run(Self.arguments(folder.path("resumed"), count: 5, extra: config + ["--resume"]))
    #expect(lower.status == 65)
    #expect(lower.stderr.contains("holds a run of 12 samples; a resume cannot lower it to 5"))
    #expect(try Data(contentsOf: runFile) == recorded)
  }
}
