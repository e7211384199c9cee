import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

@Suite struct PreviewWriterTests {
  @Test func previewHTMLListsEveryPairAndEveryImageItReferencesExists() throws {
    let fixture = try PreviewFixture(.audio)
    let result = try PreviewWriter.write(runFolder: fixture.runFolder, options: PreviewOptions(tileHeight: 32))
    let page = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html"))

    let ids = page.cards.map(\.id)
    for record in fixture.accepted {
      #expect(ids.count { $0 == record.id } == 1, "\(record.id)")
    }
    #expect(page.cards.filter { $0.status == "accepted" }.map(\.id) == fixture.accepted.map(\.id))
    #expect(page.cards.filter { $0.status == "rejected" }.map(\.id) == ["rejected-1-0", "rejected-3-0"])

    // 3 accepted pairs × (2 players + 2 spectrograms) + the rejected candidate's readable source and the
    // candidate remade from its record (player + spectrogram each); the unreadable source of sample 3 has
    // no media.
    #expect(page.sources.count == 16)
    #expect(page.sources.contains("preview/rejected/sample-1-attempt-0.wav"))
    for reference in page.sources {
      let file = try #require(PreviewHTML.resolve(reference, from: fixture.runFolder), "\(reference)")
      #expect(FileManager.default.fileExists(atPath: file.path), "\(reference) → \(file.path)")
    }
    // Sources are reached from the run folder through the dataset folder, percent-encoded.
    #expect(page.sources.contains("../../data%20set/clips/tone%201k.wav"))
    #expect(page.sources.contains("../../data%20set/clips/tone-440%2648k.wav"))
    #expect(page.sources.contains("car-noise-000000.wav"))

    #expect(result.acceptedShown == 3 && result.acceptedTotal == 3)
    #expect(result.rejectedShown == 2 && result.rejectedTotal == 2)
    #expect(result.spectrograms == 7)
    #expect(result.problems.map(\.path) == ["clips/unreadable.wav"])
    #expect(page.text.contains("no such file: \(fixture.datasetFolder.path)/clips/unreadable.wav"))
  }

  @Test func parametersAndChecklistValuesAreExactAndEscaped() throws {
    let fixture = try PreviewFixture(.audio)
    _ = try PreviewWriter.write(runFolder: fixture.runFolder)
    let text = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html")).text

    // Values rounded to what they mean: decibels to 0.1, STOI to 0.001; integers as integers.
    #expect(text.contains("snr_db = <code>7.1</code>"))
    #expect(text.contains("snr_db = <code>9.1</code>"))
    #expect(!text.contains("7.123456789012"))
    #expect(text.contains("noise = <code>&quot;car/road &lt;1&gt;.wav&quot;</code>"))
    #expect(text.contains("offsets = <code>[0,1600]</code>"))
    #expect(text.contains("gain = <code>-3</code>"))
    #expect(text.contains("<td><code>0.877</code></td><td>≥ 0.600</td><td class=\"result\">pass</td>"))
    #expect(text.contains("<td><code>0.410</code></td><td>≥ 0.600</td><td class=\"result\">fail</td>"))
    #expect(text.contains("<td><code>9.5</code></td><td>0 … 20</td><td class=\"result\">pass</td>"))
    // Every card carries its values for sorting and filtering, rounded as shown.
    #expect(text.contains("data-values=\"{&quot;sample&quot;:0,&quot;blind-snr&quot;:9.5,&quot;stoi&quot;:0.877,"
      + "&quot;add-noise.snr_db&quot;:7.1,&quot;gain.gain&quot;:-3}\""))
    // Without a realism measurement in the summary the page says so.
    #expect(text.contains("<strong>realism: not measured</strong>"))
    // Text from the run never becomes markup.
    #expect(text.contains("&lt;b&gt;yes&lt;/b&gt; &amp; &quot;no&quot;"))
    #expect(!text.contains(PreviewFixture.trickyLabel))
    #expect(text.contains("STOI 0.41 is below 0.6: &lt;unclear&gt; speech"))
    #expect(!text.contains("<unclear>"))
    // The header carries the run's summary; the page fetches nothing.
    #expect(text.contains("<dt>rejected by rule</dt><dd>stoi 1</dd>"))
    #expect(text.contains("<dt>failed samples</dt><dd>3</dd>"))
    #expect(text.contains("3 accepted pairs · 2 rejected candidates"))
    #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("<link"))
  }

  @Test func spectrogramOfAOneKilohertzToneIsBrightestAtTheOneKilohertzBin() throws {
    let fixture = try PreviewFixture(.audio)
    _ = try PreviewWriter.write(runFolder: fixture.runFolder)
    let page = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html"))
    let reference = try #require(page.spectrogram(caption: "source", path: "clips/tone 1k.wav"))
    let spectrogram = try ImageFile.read(from: fixture.runFolder.appendingPathComponent(reference)).image

    // 512-point frames at 16 kHz: bins 31.25 Hz apart, so 1 kHz is bin 32; row 0 is the top (8 kHz),
    // so bin 32 is row 256 − 32 = 224. One second with hop 128: 1 + ⌈(16000 − 512) / 128⌉ = 122 frames.
    #expect(spectrogram.height == 257)
    #expect(spectrogram.width == 122)
    #expect(SpectrogramTests.brightestRow(spectrogram) == 224)
  }

  @Test func contactSheetHasOneRowOfTilesPerPair() throws {
    let fixture = try PreviewFixture(.audio)
    let result = try PreviewWriter.write(
      runFolder: fixture.runFolder, options: PreviewOptions(sheetRows: 2, tileHeight: 32))
    let sheet = try PNGFile.read(from: try #require(result.contactSheet))
    // 2 rows of an 18-pixel label band and 32-pixel tiles, a 4-pixel gutter around and between;
    // spectrogram tiles are 64 wide.
    #expect(result.contactSheetRows == 2)
    #expect(sheet.height == 2 * (18 + 32) + 3 * 4)
    #expect(sheet.width == 4 + 64 + 4 + 64 + 4)
    #expect(sheet.layout == .rgb)
    // The gutter is the background; the tiles are not.
    #expect(sheet[1, 1, 0] == sheet[2, 40, 1] && sheet[1, 1, 0] < 0.11)
  }

  @Test func imageRunShowsImagesFromTheirFilesAndTilesKeepTheirAspect() throws {
    let fixture = try PreviewFixture(.image)
    let result = try PreviewWriter.write(runFolder: fixture.runFolder, options: PreviewOptions(tileHeight: 30))
    let page = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html"))

    #expect(page.cards.filter { $0.status == "accepted" }.map(\.id) == fixture.accepted.map(\.id))
    // 3 pairs, the rejected candidate's source and the candidate remade from its record.
    #expect(page.sources.count == 8)
    #expect(page.sources.contains("preview/rejected/sample-1-attempt-0.png"))
    #expect(page.sources.contains("../../data%20set/clips/gray%26square.png"))
    #expect(page.sources.contains("dark-background-000002.png"))
    for reference in page.sources {
      let file = try #require(PreviewHTML.resolve(reference, from: fixture.runFolder))
      #expect(FileManager.default.fileExists(atPath: file.path), "\(reference)")
    }
    #expect(!page.text.contains("<audio"))
    #expect(result.spectrograms == 0)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: fixture.runFolder.appendingPathComponent("preview").path)
        == ["rejected"])

    // Tiles 30 high: 60×30 → 60 wide, 40×40 → 30, 20×50 → 12; both columns as wide as their widest tile.
    let sheet = try PNGFile.read(from: try #require(result.contactSheet))
    #expect(sheet.height == 3 * (18 + 30) + 4 * 4)
    #expect(sheet.width == 4 + 60 + 4 + 60 + 4)
  }

  @Test func missingOutputIsShownOnItsCardAndTheRestIsWritten() throws {
    let fixture = try PreviewFixture(.audio)
    try FileManager.default.removeItem(at: fixture.runFolder.appendingPathComponent("car-noise-000001.wav"))
    let result = try PreviewWriter.write(runFolder: fixture.runFolder, options: PreviewOptions(tileHeight: 16))
    let page = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html"))

    #expect(page.cards.filter { $0.status == "accepted" }.count == 3)
    #expect(!page.sources.contains("car-noise-000001.wav"))
    #expect(page.text.contains("no such file: \(fixture.runFolder.path)/car-noise-000001.wav"))
    #expect(result.problems.map(\.path) == ["car-noise-000001.wav", "clips/unreadable.wav"])
    // The pair's missing tile is a placeholder; the sheet keeps its three rows.
    #expect(try PNGFile.read(from: try #require(result.contactSheet)).height == 3 * (18 + 16) + 4 * 4)
  }

  @Test func sourcePathsCannotLeaveTheDatasetFolder() throws {
    let fixture = try PreviewFixture(.audio)
    let manifest = fixture.runFolder.appendingPathComponent("manifest.jsonl")
    var record = fixture.accepted[0]
    record.source = "../augmented/car-noise/car-noise-000001.wav"
    try JSONLines.encode([record]).write(to: manifest)
    _ = try PreviewWriter.write(runFolder: fixture.runFolder)
    let page = try PreviewHTML(contentsOf: fixture.runFolder.appendingPathComponent("preview.html"))
    #expect(page.text.contains("the path leaves the dataset folder"))
    #expect(page.sources.filter { $0.hasPrefix("../") }.count == 1)  // only the rejected candidate's source

    let allowed = try PreviewWriter.write(
      runFolder: fixture.runFolder, options: PreviewOptions(allowOutsidePaths: true))
    #expect(allowed.problems.map(\.path) == ["clips/unreadable.wav"])
  }

  @Test func movedDatasetIsFoundThroughTheDatasetOption() throws {
    let fixture = try PreviewFixture(.audio)
    let moved = fixture.root.appendingPathComponent("moved")
    try FileManager.default.moveItem(at: fixture.datasetFolder, to: moved)
    // run.json still names the old place: every source is missing, and reported by its path in the manifest.
    let stale = try PreviewWriter.write(runFolder: fixture.runFolder)
    // The real members cannot be read from the missing table either, nor the rejected candidate remade.
    #expect(
      stale.problems.map(\.path)
        == [fixture.runFolder.appendingPathComponent("../../data set/table.csv").path]
        + PreviewFixture.audioSources.sorted() + ["clips/unreadable.wav", "preview/rejected/sample-1-attempt-0.wav"])

    let found = try PreviewWriter.write(
      runFolder: fixture.runFolder, options: PreviewOptions(dataset: moved.appendingPathComponent("table.csv")))
    #expect(found.problems.map(\.path) == ["clips/unreadable.wav"])
    let page = try PreviewHTML(contentsOf: found.page)
    #expect(page.sources.contains("../../moved/clips/tone%201k.wav"))
  }

  @Test func pairsLimitsTheCardsAndTheSameRunGivesTheSameBytes() throws {
    let fixture = try PreviewFixture(.audio)
    let options = PreviewOptions(pairs: 1, sheetRows: 3, tileHeight: 24)
    let first = try PreviewWriter.write(runFolder: fixture.runFolder, options: options)
    let files = try Self.previewFiles(in: fixture.runFolder)
    let second = try PreviewWriter.write(runFolder: fixture.runFolder, options: options)
    #expect(first == second)
    #expect(try Self.previewFiles(in: fixture.runFolder) == files)

    let page = try PreviewHTML(contentsOf: first.page)
    #expect(page.cards.map(\.id) == ["car-noise-000000", "rejected-1-0"])
    #expect(page.text.contains("showing the first 1 accepted and 1 rejected"))

    // A preview of no pair leaves no spectrogram of an earlier one behind.
    let none = try PreviewWriter.write(runFolder: fixture.runFolder, options: PreviewOptions(pairs: 0, sheetRows: 0))
    #expect(none.contactSheet == nil)
    #expect(!FileManager.default.fileExists(atPath: fixture.runFolder.appendingPathComponent("preview.png").path))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: fixture.runFolder.appendingPathComponent("preview").path)
        == ["rejected"])
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: fixture.runFolder.appendingPathComponent("preview/rejected").path
      ).isEmpty)
  }

  @Test func folderWithoutARunIsRefusedByName() throws {
    let fixture = try PreviewFixture(.audio)
    let empty = fixture.root.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(throws: PreviewError.notARun(empty.standardizedFileURL.path)) {
      try PreviewWriter.write(runFolder: empty)
    }
  }

  @Test func contactSheetTallerThanAPNGMayBeIsRefusedBeforeAnythingIsWritten() throws {
    let fixture = try PreviewFixture(.audio)
    // 128 rows of 128-pixel tiles and 129 gutters of 4 are 16 900 pixels, over the 16 384 limit.
    #expect(throws: PreviewError.self) {
      try PreviewWriter.write(runFolder: fixture.runFolder, options: PreviewOptions(sheetRows: 128))
    }
    #expect(!FileManager.default.fileExists(atPath: fixture.runFolder.appendingPathComponent("preview.html").path))
  }

  @Test func malformedManifestLineIsReportedWithItsNumber() throws {
    let fixture = try PreviewFixture(.audio)
    let manifest = fixture.runFolder.appendingPathComponent("manifest.jsonl")
    var lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").map(String.init)
    lines[1] = "{\"id\": \"car-noise-000001\"}"
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: manifest)
    let error = try #require(throws: PreviewError.self) { try PreviewWriter.write(runFolder: fixture.runFolder) }
    guard case .badLine(let file, let line, let reason) = error else {
      Issue.record("expected a bad line, got \(error)")
      return
    }
    #expect(file == manifest.standardizedFileURL.path && line == 2)
    #expect(reason.contains("index"))
  }

  /// Name and bytes of every file the preview wrote.
  static func previewFiles(in folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["preview.html", "preview.png"] {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    for subfolder in ["preview", "preview/rejected"] {
      let url = folder.appendingPathComponent(subfolder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name != "rejected" {
        files["\(subfolder)/\(name)"] = try Data(contentsOf: url.appendingPathComponent(name))
      }
    }
    return files
  }
}
