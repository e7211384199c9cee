import AugmentPipeline
import Foundation
import MediaIO
import Testing

/// Keyword-length sources (0.3–0.5 s) through the command line: the clarity and loudness checks score
/// them, and a source that cannot be judged or transformed whatever is drawn is skipped once per
/// sample, counted by reason, and not a failure.
@Suite(.serialized) struct ShortClipRunTests {
  /// The loudest `seconds` of a shipped utterance.
  static func cut(_ name: String, seconds: Double) throws -> AudioBuffer {
    let utterance = try AudioFile.read(from: URL(fileURLWithPath: AugmentCLI.sample("speech/clean/\(name).wav"))).buffer
    let samples = utterance.channels[0], count = Int(seconds * Double(utterance.sampleRate))
    var energy = [Double](repeating: 0, count: samples.count + 1)
    for (i, x) in samples.enumerated() { energy[i + 1] = energy[i] + Double(x) * Double(x) }
    let start = stride(from: 0, through: samples.count - count, by: 160).max { energy[$0 + count] - energy[$0] < energy[$1 + count] - energy[$1] }!
    return AudioBuffer(mono: Array(samples[start..<start + count]), sampleRate: utterance.sampleRate)
  }

  /// 0.45 s of digital silence around 60 ms of speech: too little for even a short STOI segment.
  static func sparse(_ name: String) throws -> AudioBuffer {
    let keyword = try cut(name, seconds: 0.45)
    var samples = [Float](repeating: 0, count: keyword.frameCount)
    let burst = keyword.sampleRate * 6 / 100, start = (samples.count - burst) / 2
    samples.replaceSubrange(start..<start + burst, with: keyword.channels[0][start..<start + burst])
    return AudioBuffer(mono: samples, sampleRate: keyword.sampleRate)
  }

  /// A table of `clips` (file name → audio) as untagged, correctly recognised sources, plus three real
  /// car-noise members (one recognised) so the slice is weak.
  static func table(_ clips: [(String, AudioBuffer)], in folder: TemporaryFolder) throws -> String {
    let files = FileManager.default
    let root = folder.url.appendingPathComponent("data")
    try files.createDirectory(at: root.appendingPathComponent("clips"), withIntermediateDirectories: true)
    var rows = ["id,path,label,prediction,human_label,tags"]
    for (name, clip) in clips {
      try AudioFile.write(clip, to: root.appendingPathComponent("clips/\(name)"), as: .wavPCM16)
      rows.append("\(name),clips/\(name),yes,yes,yes,")
    }
    for index in 1...3 {
      let name = "car-0\(index).wav"
      try files.copyItem(atPath: AugmentCLI.sample("speech/slices/\(name)"), toPath: root.path + "/clips/\(name)")
      rows.append("m\(index),clips/\(name),yes,\(index == 1 ? "yes" : "no"),yes,car-noise")
    }
    let table = root.appendingPathComponent("errors.csv")
    try Data(rows.joined(separator: "\n").utf8).write(to: table)
    return table.path
  }

  static func run(_ table: String, count: Int, out: String) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "\(count)", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks,
       "--out", out, "--seed", "5"])
  }

  static func lines(_ path: String) throws -> [Data] {
    try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A).map { Data($0) }
  }

  static let silent = "silent: no level to measure for background-noise"
  static let tooLittleSpeech = "too little speech for the clarity gate (under 10 STOI frames, 128 ms, after dropping silence)"

  /// 0.3–0.5 s keywords make every sample asked for, scored over short STOI segments; the 0.3 s one, shorter
  /// than a BS.1770 block, is made too, its loudness measured over one block spanning it. The sparse clip
  /// and a silent one (no speech level to mix noise against) are each judged once by every sample index
  /// that reaches them (never redrawn eight times), counted once by reason in the terminal and
  /// summary.json, and the run exits 0.
  @Test func keywordClipsMakeTheCountAndUnusableOnesAreSkippedOnce() throws {
    let folder = try TemporaryFolder()
    var clips = try [("s001", 0.4), ("s002", 0.45), ("s003", 0.5), ("s004", 0.4), ("s005", 0.45), ("s007", 0.3)].map {
      ("\($0.0).wav", try Self.cut($0.0, seconds: $0.1))
    }
    clips.insert(("s006-sparse.wav", try Self.sparse("s006")), at: 2)
    clips.insert(("s008-silent.wav", AudioBuffer(mono: [Float](repeating: 0, count: 6400), sampleRate: 16_000)), at: 4)
    let out = folder.path("out")
    let result = try Self.run(try Self.table(clips, in: folder), count: 12, out: out)
    #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stdout.contains("made 12 of 12"))
    #expect(result.stdout.contains("skipped 1 source: \(Self.tooLittleSpeech)"), "\(result.stdout)")
    #expect(result.stdout.contains("skipped 1 source: \(Self.silent)"), "\(result.stdout)")

    let manifest = try Self.lines(out + "/manifest.jsonl").map { try JSONDecoder().decode(ManifestRecord.self, from: $0) }
    #expect(manifest.count == 12 && !manifest.contains { $0.source.contains("sparse") || $0.source.contains("silent") })
    for record in manifest {
      let stoi = try #require(record.checks["stoi"])
      let frames = try #require(stoi.measure.flatMap { Int($0.dropFirst("stoi-n".count)) })
      #expect(frames >= 10 && frames <= 30 && stoi.passed)
      let loudness = try #require(record.checks["loudness-lufs"])
      #expect(loudness.passed && loudness.measure == (record.source.contains("s007") ? "bs1770-single-block" : "bs1770"))
    }
    #expect(manifest.contains { $0.checks["stoi"]?.measure != "stoi-n30" })
    #expect(manifest.contains { $0.source.contains("s007") })

    let rejected = try Self.lines(out + "/rejected.jsonl").map { try JSONDecoder().decode(RejectionRecord.self, from: $0) }
    #expect(!rejected.contains { $0.source.contains("s007") && $0.failed == ["unusable-source"] })
    let sparse = rejected.filter { $0.source.contains("sparse") }
    #expect(!sparse.isEmpty)
    #expect(Dictionary(grouping: sparse, by: \.index).values.allSatisfy { $0.count == 1 })
    #expect(sparse.allSatisfy { $0.failed == ["unusable-source"] && $0.reason.hasPrefix("stoi: \(Self.tooLittleSpeech)") })
    let silent = rejected.filter { $0.source.contains("silent") }
    #expect(!silent.isEmpty)
    #expect(Dictionary(grouping: silent, by: \.index).values.allSatisfy { $0.count == 1 })
    #expect(silent.allSatisfy {
      $0.failed == ["unusable-source"] && $0.reason == "background-noise: \(Self.silent): every sample is zero"
    })

    let summary = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    #expect(summary.skippedByReason == [Self.tooLittleSpeech: 1, Self.silent: 1])
    #expect(summary.skippedSources.first { $0.source.contains("sparse") }?.times == sparse.count)
    #expect(summary.skippedSources.first { $0.source.contains("silent") }?.times == silent.count)
    #expect(summary.failedIndices.isEmpty && summary.indicesWithoutUsableSource.isEmpty)
  }

  /// When every source is too sparse, nothing can be made: exit status 3, not 65, and the terminal says
  /// the samples are missing for want of usable sources, not because the checklist rejected them.
  @Test func onlyUnusableSourcesExitThreeSayingWhy() throws {
    let folder = try TemporaryFolder()
    let clips = try ["s001", "s002"].map { ("\($0)-sparse.wav", try Self.sparse($0)) }
    let out = folder.path("out")
    let result = try Self.run(try Self.table(clips, in: folder), count: 2, out: out)
    #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
    #expect(result.stdout.contains("made 0 of 2"))
    #expect(result.stdout.contains("skipped 2 sources: \(Self.tooLittleSpeech)"))
    #expect(result.stdout.contains("2 of them had no usable source"))
    let rejected = try Self.lines(out + "/rejected.jsonl").map { try JSONDecoder().decode(RejectionRecord.self, from: $0) }
    #expect(rejected.count == 4)  // 2 indices × 2 sources, one candidate each
    let summary = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    #expect(summary.indicesWithoutUsableSource == [0, 1] && summary.skippedByReason == [Self.tooLittleSpeech: 2])
  }
}
