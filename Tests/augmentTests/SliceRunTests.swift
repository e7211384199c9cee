import AugmentCore
import AugmentPipeline
import Foundation
import MediaIO
import Testing

/// The slice run end to end, on the shipped samples and noise banks, through the command line.
@Suite(.serialized) struct SliceRunTests {
  static func manifest(_ folder: String, name: String = "manifest.jsonl") throws -> [ManifestRecord] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
    return try data.split(separator: 0x0A).map { try JSONDecoder().decode(ManifestRecord.self, from: Data($0)) }
  }

  static func speechRun(_ out: String, count: Int, extra: [String] = []) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "\(count)", "--dataset", AugmentCLI.sample("errors-speech.csv"),
       "--noise-banks", AugmentCLI.noiseBanks, "--out", out, "--seed", "11"] + extra)
  }

  /// Every file of a run folder with its bytes, for byte-for-byte comparisons.
  static func contents(of folder: String, excluding: Set<String> = ["summary.json"]) throws -> [String: Data] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !excluding.contains($0) }
    return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) })
  }

  /// 50 car-noise samples: every line valid, every output's SNR measured back inside the recipe's range.
  @Test func carNoiseSamplesHaveTheirSNR() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("car")
    let result = try Self.speechRun(out, count: 50)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("made 50 of 50"))
    let records = try Self.manifest(out)
    #expect(records.map(\.index) == Array(0..<50))
    let recipe = try RecipeBook.builtIn.recipe(named: "car-noise")
    let spec = try #require(recipe.transforms[0].settings as? BackgroundNoiseSpec, "not a noise recipe")
    for record in records {
      #expect(record.slice == "car-noise" && record.toolVersion == ToolVersion.current && record.seed == 11)
      #expect(record.checks.values.allSatisfy { $0.passed })
      #expect(["stoi", "loudness-lufs", "clipped-fraction", "realism-knn"].allSatisfy { record.checks[$0] != nil })
      let gate = try #require(record.checks["realism-knn"])
      #expect(gate.nearestMember.map { $0.hasPrefix("car-") } == true)
      #expect(Set((gate.features ?? [:]).keys) == Set(AudioRealismFeatures.names))
      let parameters = try record.transforms[0].decodeParameters(BackgroundNoise.Parameters.self)
      #expect(spec.snrDB.contains(parameters.snrDB))
      // Measure the SNR back from the files: output = mixGain · (speech + noise).
      let source = try AudioFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(record.source))).buffer.channels[0]
      let output = try AudioFile.read(from: URL(fileURLWithPath: out).appendingPathComponent(record.output)).buffer
      #expect(output.frameCount == source.count && output.sampleRate == 16_000)
      let noise = zip(output.channels[0], source).map { Float(Double($0) / parameters.mixGain) - $1 }
      let measured = SignalToNoise.measure(speech: source, noise: noise, definition: .activeSpeech, sampleRate: 16_000)
      #expect(abs(measured - parameters.snrDB) < 0.1, "\(record.id): measured \(measured) dB, drawn \(parameters.snrDB) dB")
    }
  }

  /// 30 dark-background samples: darker than their sources, inside the real members' luminance range.
  @Test func darkBackgroundSamplesAreDarkLikeRealMembers() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("dark")
    let result = try AugmentCLI.run(
      ["--slice", "dark-background", "--count", "30", "--dataset", AugmentCLI.sample("errors-images.csv"), "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try Self.manifest(out)
    #expect(records.count == 30)
    // The real members' luminance range, measured here from the rows tagged dark-background, and the
    // recipe's realism margin around it.
    let members = try String(contentsOfFile: AugmentCLI.sample("errors-images.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { $0[5].split(separator: ";").contains("dark-background") }
      .map { try ImageStatistics(of: PNGFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(String($0[1]))))) }
      .map(\.meanLuminance)
    #expect(members.count == 7)
    let (lowest, highest) = (try #require(members.min()), try #require(members.max()))
    let margin = try RecipeBook.builtIn.recipe(named: "dark-background").checklist.realismMargin
    for record in records {
      #expect(record.transforms.map(\.name) == ["spotlight", "sensor-noise"])
      let exposure = try record.transforms[0].decodeParameters(Spotlight.Parameters.self)
      let source = try PNGFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(record.source)))
      let output = try PNGFile.read(from: URL(fileURLWithPath: out).appendingPathComponent(record.output))
      let luminance = ImageStatistics(of: output).meanLuminance
      #expect(luminance < ImageStatistics(of: source).meanLuminance)
      // The drawn target lies in the real members' luminance range, and the output lands near it.
      // Seven members, fewer than the realism gate needs: no realism-knn verdict.
      #expect(record.checks["realism-knn"] == nil)
      #expect(luminance >= lowest - margin && luminance <= highest + margin)
      #expect(exposure.targetLuminance >= lowest && exposure.targetLuminance <= highest)
      #expect(abs(luminance - exposure.targetLuminance) < 0.02)
    }
  }

  @Test func oneJobAndTwoJobsWriteIdenticalFiles() throws {
    let folder = try TemporaryFolder()
    #expect(try Self.speechRun(folder.path("one"), count: 12, extra: ["--jobs", "1"]).status == 0)
    #expect(try Self.speechRun(folder.path("two"), count: 12, extra: ["--jobs", "2"]).status == 0)
    let one = try Self.contents(of: folder.path("one")), two = try Self.contents(of: folder.path("two"))
    #expect(one.keys.filter { $0.hasSuffix(".wav") }.count == 12)
    #expect(one["manifest.jsonl"] != nil)
    #expect(one == two)
  }

  /// A run killed part-way and resumed ends with exactly the requested samples, no partial files, and the
  /// same bytes as a run that was never interrupted.
  @Test func killedRunResumesToTheSameFiles() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("killed")
    let process = try AugmentCLI.start(
      ["--slice", "car-noise", "--count", "40", "--dataset", AugmentCLI.sample("errors-speech.csv"),
       "--noise-banks", AugmentCLI.noiseBanks, "--out", out, "--seed", "11", "--jobs", "1"])
    try process.run()
    let manifest = URL(fileURLWithPath: out).appendingPathComponent("manifest.jsonl")
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline, ((try? Data(contentsOf: manifest))?.filter { $0 == 0x0A }.count ?? 0) < 4 {
      usleep(5_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let before = try Self.manifest(out).count
    #expect(before >= 4 && before < 40, "the run should have been killed part-way, had \(before)")

    let resumed = try Self.speechRun(out, count: 40, extra: ["--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let records = try Self.manifest(out)
    #expect(records.map(\.index) == Array(0..<40))
    let names = try FileManager.default.contentsOfDirectory(atPath: out)
    #expect(!names.contains { $0.contains(".partial-") })
    #expect(names.filter { $0.hasSuffix(".wav") }.count == 40)

    #expect(try Self.speechRun(folder.path("whole"), count: 40).status == 0)
    #expect(try Self.contents(of: out, excluding: ["summary.json", "run.json"]) == Self.contents(of: folder.path("whole"), excluding: ["summary.json", "run.json"]))
  }

  @Test func aNewRunNeverWritesIntoAFolderInUse() throws {
    let folder = try TemporaryFolder()
    #expect(try Self.speechRun(folder.path("out"), count: 2).status == 0)
    let before = try Self.contents(of: folder.path("out"), excluding: [])
    let again = try Self.speechRun(folder.path("out"), count: 2)
    #expect(again.status == 65)
    #expect(again.stderr.contains("already holds files") && again.stderr.contains("--resume"))
    #expect(try Self.contents(of: folder.path("out"), excluding: []) == before)
  }

  /// A sample that cannot be written stops the run with status 73 and the path; what was made stays listed.
  @Test func aWriteFailureStopsTheRun() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("out")
    #expect(try Self.speechRun(out, count: 2).status == 0)
    // A non-empty folder where sample 2 would go: renaming a file onto it fails, even for root.
    let blocker = out + "/car-noise-000002.wav"
    try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
    try Data("x".utf8).write(to: URL(fileURLWithPath: blocker + "/keep"))
    let result = try Self.speechRun(out, count: 6, extra: ["--resume", "--jobs", "1"])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("car-noise-000002.wav"))
    #expect(try Self.manifest(out).map(\.index) == [0, 1])
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).allSatisfy { !$0.contains(".partial-") })
  }
}
