import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// A factory of small byte files: source `unreadable` cannot be loaded, and a candidate whose draw is not
/// divisible by 3 fails the checklist, so a run meets every kind of rejection and skipped source.
struct ByteFactory: SampleFactory {
  struct Draw: Codable { var value: UInt64 }

  var fileExtension: String { "bin" }

  func load(_ source: SourceExample) throws -> [UInt8] {
    guard source.id != "unreadable" else { throw MediaError.fileNotFound(path: source.path) }
    return Array(source.id.utf8)
  }

  func candidate(from original: [UInt8], using rng: inout Xoshiro256StarStar) throws -> ([UInt8], [AppliedTransform]) {
    let draw = rng.next()
    return (original + Array("-\(draw)".utf8), [try AppliedTransform(name: "draw", parameters: Draw(value: draw))])
  }

  func check(_ candidate: [UInt8], against original: [UInt8], source: SourceExample, records: [AppliedTransform]) throws
    -> [Verdict]
  {
    let draw = try records[0].decodeParameters(Draw.self).value
    return [Verdict(rule: "draw-mod-3", kind: .realism, value: Double(draw % 3), maximum: 0, what: "draw mod 3", failure: "not divisible")]
  }

  func write(_ media: [UInt8], to url: URL) throws { try Data(media).write(to: url, options: .atomic) }
}

@Suite struct SliceRunnerTests {
  static let sources = ["a", "unreadable", "b"].map {
    SourceExample(id: $0, path: "\($0).wav", url: URL(fileURLWithPath: "/\($0).wav"), label: "yes")
  }

  static func runner(in folder: URL, count: Int, shard: Shard? = nil) -> SliceRunner<ByteFactory> {
    SliceRunner(
      factory: ByteFactory(), sources: sources,
      settings: RunSettings(slice: "bytes", count: count, seed: 3, jobs: 1, redraws: 2, shard: shard, recipeHash: "r"),
      folder: OutputFolder(url: folder, shard: shard))
  }

  static func open(_ folder: URL, count: Int, resume: Bool, shard: Shard? = nil) throws -> OutputFolder.Contents {
    try OutputFolder(url: folder, shard: shard).open(
      for: RunIdentity(slice: "bytes", count: count, seed: 3, recipeHash: "r", dataset: "t.csv", shard: shard),
      resume: resume)
  }

  /// Stops after the first batch of `jobs × 4` indices.
  static func firstBatchOnly(_ cancellation: CancellationFlag) -> (RunProgress) -> Void {
    { _ in cancellation.cancel() }
  }

  /// A count of 10¹² is streamed: the run makes its first batch and stops when asked, holding nothing
  /// per index it has not reached (listing the indices first would need 8 TB).
  @Test(arguments: [nil, try Shard(index: 3, count: 7)])
  func aHugeCountIsStreamed(shard: Shard?) throws {
    let folder = try TemporaryFolder()
    let count = 1_000_000_000_000
    let kept = try Self.open(folder.url, count: count, resume: false, shard: shard)
    let cancellation = CancellationFlag()
    let summary = try Self.runner(in: folder.url, count: count, shard: shard)
      .run(kept: kept, resumed: false, notes: [], cancellation: cancellation, progress: Self.firstBatchOnly(cancellation))
    #expect(summary.interrupted)
    #expect(summary.requested == (shard == nil ? count : 142_857_142_857))
    let indices = try SliceRunTestsSupport.manifest(folder.url, shard: shard).map(\.index)
    #expect(indices.count == 4 - summary.failedIndices.count)
    #expect(Set(indices + summary.failedIndices) == Set((0..<4).map { (shard?.index ?? 0) + $0 * (shard?.count ?? 1) }))
  }

  @Test func shardSampleCounts() throws {
    #expect(try Shard(index: 3, count: 7).sampleCount(below: 1_000_000_000_000) == 142_857_142_857)
    #expect(try Shard(index: 3, count: 4).sampleCount(below: 3) == 0)
    for total in 0..<30 {
      for count in 1..<6 {
        for index in 0..<count {
          let shard = try Shard(index: index, count: count)
          #expect(shard.sampleCount(below: total) == (0..<total).filter(shard.contains).count)
          #expect(Array(shard.sampleIndices(below: total)) == (0..<total).filter(shard.contains))
        }
      }
    }
  }

  /// A run stopped after its first batch and resumed ends with the same manifest, rejections and summary
  /// counts as one uninterrupted run: the summary covers the whole folder, not the last call.
  @Test func aResumedRunSummarisesTheWholeFolder() throws {
    let folder = try TemporaryFolder()
    let whole = folder.file("whole"), resumed = folder.file("resumed")
    let expected = try Self.runner(in: whole, count: 40).run(
      kept: try Self.open(whole, count: 40, resume: false), resumed: false, notes: [], cancellation: CancellationFlag(),
      progress: { _ in })
    // The run meets every kind of outcome, so the comparison below covers each.
    #expect(expected.made >= 20 && expected.made < 40 && !expected.failedIndices.isEmpty, "\(expected)")
    #expect(expected.skippedSources.contains { $0.unreadable } && expected.skippedSources.contains { !$0.unreadable })
    #expect(expected.rejectedByRule["draw-mod-3"]! > 10 && expected.rejectedByRule["unreadable-source"]! > 10)

    let cancellation = CancellationFlag()
    let first = try Self.runner(in: resumed, count: 40).run(
      kept: try Self.open(resumed, count: 40, resume: false), resumed: false, notes: [], cancellation: cancellation,
      progress: Self.firstBatchOnly(cancellation))
    #expect(first.interrupted && first.made <= 4)
    let summary = try Self.runner(in: resumed, count: 40).run(
      kept: try Self.open(resumed, count: 40, resume: true), resumed: true, notes: [], cancellation: CancellationFlag(),
      progress: { _ in })
    #expect(summary.resumed && !summary.interrupted)
    #expect(summary.madeNow == expected.made - first.made)
    #expect(summary.made == expected.made)
    #expect(summary.rejectedByRule == expected.rejectedByRule)
    #expect(summary.skippedSources == expected.skippedSources)
    #expect(summary.failedIndices == expected.failedIndices)
    #expect(try Data(contentsOf: resumed.appendingPathComponent("manifest.jsonl")) == Data(contentsOf: whole.appendingPathComponent("manifest.jsonl")))
    // A failed index of the first batch is made again after the kept ones, so its rejections come later.
    func rejections(_ folder: URL) throws -> [RejectionRecord] {
      JSONLines.decode(RejectionRecord.self, from: try Data(contentsOf: folder.appendingPathComponent("rejected.jsonl")))
        .records.sorted { ($0.index, $0.attempt) < ($1.index, $1.attempt) }
    }
    #expect(try rejections(resumed) == rejections(whole))
  }

  /// Every manifest line records its file's size and SHA-256; `verify` passes the folder as written, then
  /// names a changed byte, a deleted file and a file no line names.
  @Test func verifyNamesChangedMissingAndUnlistedFiles() throws {
    let folder = try TemporaryFolder()
    _ = try Self.runner(in: folder.url, count: 12).run(
      kept: try Self.open(folder.url, count: 12, resume: false), resumed: false, notes: [],
      cancellation: CancellationFlag(), progress: { _ in })
    let records = try SliceRunTestsSupport.manifest(folder.url, shard: nil)
    for record in records {
      let bytes = try Data(contentsOf: folder.file(record.output))
      #expect(record.size == bytes.count)
      #expect(record.sha256 == (try SHA256Reference.digest(of: folder.file(record.output))))
    }
    let clean = try FolderVerification.verify(folder.url)
    #expect(clean.passed && clean.checked == records.count && clean.unlisted.isEmpty)

    var changed = try Data(contentsOf: folder.file(records[1].output))
    changed[0] ^= 0x01
    try changed.write(to: folder.file(records[1].output))
    try FileManager.default.removeItem(at: folder.file(records[4].output))
    try folder.write("not a sample", to: "notes.bin")
    let found = try FolderVerification.verify(folder.url)
    #expect(!found.passed)
    #expect(found.problems.map(\.output) == [records[1].output, records[4].output].sorted())
    #expect(found.problems.contains(.missing(records[4].output)))
    #expect(found.problems.contains { if case .changed(records[1].output, let detail) = $0 { detail.hasPrefix("SHA-256") } else { false } })
    #expect(found.unlisted == ["notes.bin"])
  }
}

/// Reading a run's manifest back, and a second SHA-256 to compare with: coreutils' `sha256sum`.
enum SliceRunTestsSupport {
  static func manifest(_ folder: URL, shard: Shard?) throws -> [ManifestRecord] {
    let data = try Data(contentsOf: OutputFolder(url: folder, shard: shard).manifestURL)
    return try data.split(separator: 0x0A).map { try JSONDecoder().decode(ManifestRecord.self, from: Data($0)) }
  }
}

enum SHA256Reference {
  /// The digest `sha256sum` prints for the file.
  static func digest(of file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
  }
}
