import AugmentCore
import Foundation
import Testing

@testable import AugmentPipeline

@Suite struct OutputFolderTests {
  static let identity = RunIdentity(slice: "car-noise", count: 10, seed: 7, recipeHash: "abc", dataset: "../t.csv", shard: nil)

  static func record(_ index: Int) -> ManifestRecord {
    ManifestRecord(
      id: "car-noise-\(index)", index: index, attempt: 0, seed: 7, slice: "car-noise", source: "a.wav", sourceID: "a",
      output: "car-noise-\(index).wav", sha256: String(repeating: "0", count: 64), size: 1, label: "hello", transforms: [], checks: [:], toolVersion: ToolVersion.current,
      recipeHash: "abc")
  }

  @Test func newRunRefusesAFolderThatHoldsFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("keep me", to: "out/notes.txt")
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    #expect(throws: RunError.folderInUse(folder.file("out").path)) { try output.open(for: Self.identity, resume: false) }
    #expect(try String(contentsOf: folder.file("out/notes.txt"), encoding: .utf8) == "keep me")
  }

  @Test func resumeKeepsCompleteLinesAndDropsACutOffOne() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    #expect(try output.open(for: Self.identity, resume: false).records.isEmpty)
    try output.append([Self.record(0), Self.record(1)], to: output.manifestURL)
    try folder.write("x", to: "out/car-noise-0.wav")
    try folder.write("x", to: "out/car-noise-1.wav")
    // A kill in the middle of a line, and a partial media file.
    let handle = try FileHandle(forWritingTo: output.manifestURL)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"id\":\"car-noise-2\",\"ind".utf8))
    try handle.close()
    try folder.write("half", to: "out/.car-noise-2.wav.partial-123-456")

    let completed = try output.open(for: Self.identity, resume: true)
    #expect(completed.records.map(\.index) == [0, 1])
    let lines = try String(contentsOf: output.manifestURL, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(!FileManager.default.fileExists(atPath: folder.file("out/.car-noise-2.wav.partial-123-456").path))
  }

  /// A shard starting (or resuming) in a folder its siblings are writing removes only its own samples'
  /// partial files: removing a sibling's would make that sibling's rename fail mid-run.
  @Test func aShardRemovesOnlyItsOwnPartialFiles() throws {
    let folder = try TemporaryFolder()
    let partials = [".car-noise-000004.wav.partial-1-2", ".car-noise-000005.wav.partial-3-4", ".car-noise-x.wav.partial-5-6"]
    for name in partials { try folder.write("half", to: "out/\(name)") }
    var identity = Self.identity
    identity.shard = try Shard(index: 0, count: 2)
    _ = try OutputFolder(url: folder.file("out"), shard: identity.shard).open(for: identity, resume: false)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.file("out").path).filter { $0.contains(".partial-") }
    #expect(left.sorted() == [".car-noise-000005.wav.partial-3-4", ".car-noise-x.wav.partial-5-6"])
    #expect(OutputFolder.sampleIndex(ofPartial: ".car-noise-000123.png.partial-7-8", slice: "car-noise") == 123)
    #expect(OutputFolder.sampleIndex(ofPartial: ".car-noise-000123.partial-7-8", slice: "car") == nil)
  }

  @Test func resumeDropsRecordsWhoseFileIsGone() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    _ = try output.open(for: Self.identity, resume: false)
    try output.append([Self.record(0), Self.record(1)], to: output.manifestURL)
    try folder.write("x", to: "out/car-noise-1.wav")
    #expect(try output.open(for: Self.identity, resume: true).records.map(\.index) == [1])
  }

  @Test func resumeRefusesADifferentRunOrAnEmptyFolder() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    #expect(throws: RunError.nothingToResume(folder.file("out").path)) { try output.open(for: Self.identity, resume: true) }
    _ = try output.open(for: Self.identity, resume: false)
    var other = Self.identity
    other.seed = 8
    #expect(throws: RunError.differentRun(folder.file("out").path, detail: "seed 7, not 8")) {
      try output.open(for: other, resume: true)
    }
    var more = Self.identity
    more.count = 20
    #expect(try output.open(for: more, resume: true).records.isEmpty)
  }

  /// run.json keeps the count the folder was asked for: a resume asking fewer is refused and changes nothing.
  @Test func resumeRefusesALowerCount() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    _ = try output.open(for: Self.identity, resume: false)
    let recorded = try Data(contentsOf: output.identityURL)
    var fewer = Self.identity
    fewer.count = 4
    #expect(throws: RunError.countBelowRecorded(folder.file("out").path, recorded: 10, asked: 4)) {
      try output.open(for: fewer, resume: true)
    }
    #expect(try Data(contentsOf: output.identityURL) == recorded)
  }

  /// A file whose size is not the recorded one is not a finished sample: the resume makes it again.
  @Test func resumeDropsRecordsWhoseFileChangedSize() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    _ = try output.open(for: Self.identity, resume: false)
    try output.append([Self.record(0), Self.record(1)], to: output.manifestURL)
    try folder.write("x", to: "out/car-noise-0.wav")
    try folder.write("xy", to: "out/car-noise-1.wav")
    #expect(try output.open(for: Self.identity, resume: true).records.map(\.index) == [0])
  }

  /// The lock file a run takes before opening its folder does not count as a file already there.
  @Test func aNewRunOpensAFolderHoldingOnlyItsLock() throws {
    let folder = try TemporaryFolder()
    let output = OutputFolder(url: folder.file("out"), shard: nil)
    let lock = try output.lock()
    let opened = try output.open(for: Self.identity, resume: false)
    #expect(opened.records.isEmpty)
    withExtendedLifetime(lock) {}
  }

  @Test func shardsShareAFolderWithTheirOwnFiles() throws {
    let folder = try TemporaryFolder()
    for index in 0..<2 {
      var identity = Self.identity
      identity.shard = try Shard(index: index, count: 2)
      let output = OutputFolder(url: folder.file("out"), shard: identity.shard)
      #expect(try output.open(for: identity, resume: false).records.isEmpty)
      #expect(output.manifestURL.lastPathComponent == "manifest.shard-\(index)-of-2.jsonl")
    }
    var again = Self.identity
    again.shard = try Shard(index: 1, count: 2)
    #expect(throws: RunError.self) { try OutputFolder(url: folder.file("out"), shard: again.shard).open(for: again, resume: false) }
  }

  @Test func shardParsing() throws {
    let shard = try Shard(parsing: "2/4")
    #expect(shard.index == 2 && shard.count == 4)
    #expect((0..<12).filter(shard.contains) == [2, 6, 10])
    for text in ["4/4", "-1/3", "1", "a/b", "1/0"] {
      #expect(throws: RunError.invalidShard(text)) { try Shard(parsing: text) }
    }
  }
}
