import AugmentPipeline
import Foundation
import MediaIO
import Testing

/// `augment replay`: runs of the shipped samples remade from their manifests alone, byte for byte, and a
/// tampered record caught.
@Suite struct ReplayTests {
  static func replay(_ folder: String, into out: String, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(["replay", folder, "--out", out, "--noise-banks", AugmentCLI.noiseBanks] + extra)
  }

  /// Every remade file has the SHA-256 and size its manifest line records, computed here from the file.
  static func expectIdentical(_ run: String, _ out: String) throws {
    let records = try SliceRunTests.manifest(run)
    #expect(!records.isEmpty)
    for record in records {
      let digest = try FileDigest(of: URL(fileURLWithPath: out).appendingPathComponent(record.output))
      #expect(digest.sha256 == record.sha256 && digest.size == record.size, "\(record.output)")
    }
    #expect(try SliceRunTests.manifest(out) == records)
  }

  @Test func carNoiseRunReplaysByteIdentical() throws {
    let folder = try TemporaryFolder()
    let run = folder.url.appendingPathComponent("car").path, out = folder.url.appendingPathComponent("again").path
    let made = try SliceRunTests.speechRun(run, count: 6)
    #expect(made.status == 0, "\(made.stderr)")
    let result = try Self.replay(run, into: out)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("replayed 6 samples"))
    try Self.expectIdentical(run, out)
  }

  /// A merged sharded folder names each sample in two manifests; each is remade once.
  @Test func mergedShardsReplayEachSampleOnce() throws {
    let folder = try TemporaryFolder()
    let run = folder.url.appendingPathComponent("car").path, out = folder.url.appendingPathComponent("again").path
    for shard in ["0/2", "1/2"] {
      let made = try SliceRunTests.speechRun(run, count: 4, extra: ["--shard", shard])
      #expect(made.status == 0, "\(made.stderr)")
    }
    #expect(try AugmentCLI.run(["merge", run]).status == 0)
    let result = try Self.replay(run, into: out)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("replayed 4 samples"))
    try Self.expectIdentical(run, out)
  }

  @Test func darkBackgroundRunReplaysByteIdentical() throws {
    let folder = try TemporaryFolder()
    let run = folder.url.appendingPathComponent("dark").path, out = folder.url.appendingPathComponent("again").path
    let made = try AugmentCLI.run(
      ["--slice", "dark-background", "--count", "4", "--dataset", AugmentCLI.sample("errors-images.csv"), "--out", run,
       "--seed", "5", "--jobs", "2"])
    #expect(made.status == 0, "\(made.stderr)")
    let result = try Self.replay(run, into: out)
    #expect(result.status == 0, "\(result.stderr)")
    try Self.expectIdentical(run, out)
  }

  /// The PNG level a run writes at (`--png-level`, default ``PNGLevel/runDefault``) is in its files' zlib
  /// headers (FLEVEL: 0 for levels 0–1, 3 for 7–9) and in `run.json`, and a replay writes the same bytes.
  @Test(arguments: [(nil, 1, 0), ("9", 9, 3)] as [(String?, Int, UInt8)])
  func pngLevelIsRecordedAndReplayed(option: String?, level: Int, zlibLevelField: UInt8) throws {
    let folder = try TemporaryFolder()
    let run = folder.url.appendingPathComponent("blurry").path, out = folder.url.appendingPathComponent("again").path
    let made = try AugmentCLI.run(
      ["--slice", "blurry", "--count", "3", "--dataset", AugmentCLI.sample("errors-images.csv"), "--out", run]
        + (option.map { ["--png-level", $0] } ?? []))
    #expect(made.status == 0, "\(made.stderr)")
    let identity = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/run.json")))
    #expect((identity as? [String: Any])?["png_level"] as? Int == level)
    let png = try Data(contentsOf: URL(fileURLWithPath: run + "/blurry-000000.png"))
    let idat = try #require(png.range(of: Data("IDAT".utf8)))
    #expect(png[idat.upperBound + 1] >> 6 == zlibLevelField, "zlib header \(png[idat.upperBound + 1])")
    let result = try Self.replay(run, into: out)
    #expect(result.status == 0, "\(result.stderr)")
    try Self.expectIdentical(run, out)
  }

  /// A record whose parameters were changed after the run remakes a different file: named, status 65. One
  /// sample alone is replayed with `--id`; an id the run does not hold, a missing noise-bank folder and a
  /// missing run folder are missing inputs (66), and `--out` onto the run folder is refused.
  @Test func changedRecordIsNamedAndOneSampleCanBeReplayed() throws {
    let folder = try TemporaryFolder()
    let run = folder.url.appendingPathComponent("car").path
    #expect(try SliceRunTests.speechRun(run, count: 3).status == 0)
    let manifest = URL(fileURLWithPath: run).appendingPathComponent("manifest.jsonl")
    var lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").map(String.init)
    let first = try #require(lines.first?.firstRange(of: /"noiseGain":[0-9.e-]+/))
    lines[0].replaceSubrange(first, with: "\"noiseGain\":0.5")
    try (lines.joined(separator: "\n") + "\n").write(to: manifest, atomically: true, encoding: .utf8)

    let tampered = try Self.replay(run, into: folder.url.appendingPathComponent("all").path)
    #expect(tampered.status == 65)
    #expect(tampered.stderr.contains("1 samples are not remade byte-identical"))
    #expect(tampered.stderr.contains("car-noise-000000.wav: changed"))

    let one = try Self.replay(run, into: folder.url.appendingPathComponent("one").path, extra: ["--id", "car-noise-000001"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.contains("replayed 1 samples"))
    let missing = try Self.replay(run, into: folder.url.appendingPathComponent("none").path, extra: ["--id", "car-noise-9"])
    #expect(missing.status == 66)
    let onto = try Self.replay(run, into: run)
    #expect(onto.status == 65 && onto.stderr.contains("--out must be another folder"))
    let noBanks = try AugmentCLI.run(
      ["replay", run, "--out", folder.url.appendingPathComponent("x").path, "--noise-banks", folder.url.appendingPathComponent("none").path])
    #expect(noBanks.status == 66 && noBanks.stderr.contains("not a folder"))
    let nowhere = try Self.replay(folder.url.appendingPathComponent("nowhere").path, into: folder.url.appendingPathComponent("x").path)
    #expect(nowhere.status == 66)
  }
}
