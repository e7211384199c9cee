import AugmentAnalysis
import Foundation
import Testing

@Suite struct ManifestCountsTests {
  /// A manifest line as a slice run writes it.
  private func record(_ slice: String, index: Int) -> String {
    #"{"attempt":0,"checks":{"snr":{"passed":true,"value":9.8}},"id":"\#(slice)-\#(index)","index":\#(index),"#
      + #""label":"turn left","output":"\#(slice)-\#(index).wav","recipe_hash":"5f1c","seed":42,"#
      + #""slice":"\#(slice)","source":"clips/\#(index).wav","source_id":"\#(index)","tool_version":"0.1.0","#
      + #""transforms":[{"name":"mix-noise","parameters":{"snr":10}}]}"#
  }

  private func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("augment-compare-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
  }

  private func write(_ lines: [String], to url: URL, separator: String = "\n") throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data((lines.joined(separator: separator) + separator).utf8).write(to: url)
  }

  @Test func countsSamplesPerSliceAcrossManifests() throws {
    try withFolder { folder in
      let car = folder.appendingPathComponent("car-noise/manifest.jsonl")
      let mixed = folder.appendingPathComponent("mixed/manifest.jsonl")
      try write((0..<3).map { record("car-noise", index: $0) } + [record("people-noise", index: 3)], to: car)
      // CRLF line ends and a blank line, as an editor might leave them.
      try write(
        [record("car-noise", index: 0), "", record("car-noise", index: 1), record("blurry", index: 2)], to: mixed,
        separator: "\r\n")

      let counts = try ManifestCounts(contentsOf: [car, mixed])
      #expect(counts.samplesBySlice == ["car-noise": 5, "people-noise": 1, "blurry": 1])
      #expect(counts.total == 7)
      #expect(counts.manifests == [car.relativePath, mixed.relativePath])

      let (before, after) = try ComparisonFixtures.retraining()
      let comparison = try ComparisonReport(before: before, after: after, samples: counts)
      let added = Dictionary(uniqueKeysWithValues: comparison.slices.map { ($0.name, $0.samplesAdded) })
      #expect(
        added == [
          "car-noise": 5, "people-noise": 1, "low-bandwidth": 0, "untagged": 0, "overall": 7,
        ])
      #expect(comparison.unmatchedSamples == ["blurry": 1])
    }
  }

  /// `augmented/*/manifest.jsonl` gathers image runs as well as speech runs: only samples of the tables' kind of
  /// media count for their slices and overall; the others are listed apart.
  @Test func countsOnlySamplesOfTheTablesMedia() throws {
    try withFolder { folder in
      let car = folder.appendingPathComponent("car-noise/manifest.jsonl")
      let blurry = folder.appendingPathComponent("blurry/manifest.jsonl")
      try write((0..<3).map { record("car-noise", index: $0) }, to: car)
      try write(
        (0..<2).map { record("blurry", index: $0).replacingOccurrences(of: ".wav\",\"recipe", with: ".png\",\"recipe") },
        to: blurry)
      let counts = try ManifestCounts(contentsOf: [car, blurry])
      #expect(counts.samplesByKind == [.audio: ["car-noise": 3], .image: ["blurry": 2]])

      let speech = try ErrorTable.load(from: PairedComparisonTests.samples.appendingPathComponent("errors-speech.csv"))
      let comparison = try ComparisonReport(before: speech, after: speech, samples: counts)
      let added = Dictionary(uniqueKeysWithValues: comparison.slices.map { ($0.name, $0.samplesAdded) })
      #expect(added["car-noise"] == 3 && added["overall"] == 3)
      #expect(comparison.unmatchedSamples == [:])
      #expect(comparison.otherMediaSamples == ["image": ["blurry": 2]])
      #expect(
        ReportFormatter.format(comparison).contains("Not counted, image samples unlike the tables' media: blurry (2)"))
    }
  }

  @Test func rejectsAMalformedLineNamingFileAndLine() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("manifest.jsonl")
      let cut = String(record("car-noise", index: 2).prefix(60))
      try write([record("car-noise", index: 0), record("car-noise", index: 1), cut], to: url)

      let error = try #require(throws: ComparisonError.self) { try ManifestCounts(contentsOf: [url]) }
      guard case .invalidManifestLine(let path, let line, _) = error else {
        Issue.record("expected a malformed line, got \(error)")
        return
      }
      #expect(path == url.relativePath && line == 3)
      #expect(error.description.hasPrefix("\(url.relativePath), line 3: not a manifest record (not JSON"))
    }
  }

  @Test(arguments: [
    (#"{"id":"car-noise-0","index":0}"#, #"no "slice" key"#),
    (#"{"slice":7}"#, #""slice" is not a string"#),
    (#"{"slice":null}"#, #""slice" is not a string"#),
    (#"["car-noise"]"#, "not a JSON object"),
  ])
  func rejectsALineWithoutASlice(line: String, detail: String) throws {
    let data = Data((record("car-noise", index: 0) + "\n" + line + "\n").utf8)
    try withFolder { folder in
      let url = folder.appendingPathComponent("manifest.jsonl")
      try data.write(to: url)
      #expect(throws: ComparisonError.invalidManifestLine(path: url.relativePath, line: 2, detail: detail)) {
        try ManifestCounts(contentsOf: [url])
      }
    }
  }

  @Test func rejectsAMissingManifestByName() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("nowhere/manifest.jsonl")
      let error = try #require(throws: ComparisonError.self) { try ManifestCounts(contentsOf: [url]) }
      guard case .unreadableManifest(let path, _) = error else {
        Issue.record("expected an unreadable manifest, got \(error)")
        return
      }
      #expect(path == url.relativePath)
      #expect(error.description.hasPrefix("\(url.relativePath): cannot read the manifest"))
    }
  }
}
