import Foundation
import MediaIO

/// Writes the preview of a run into its folder: `preview.html` (every pair and rejected candidate with its
/// parameters and checklist values), `preview.png` (a contact sheet of the first pairs), and `preview/` (the
/// spectrograms the page shows for audio; images are shown from the run and dataset folders directly).
///
/// Only the run's files are required; a missing or unreadable media file is shown as such on its card and
/// listed in the result, so one bad file never hides the rest of the run.
public enum PreviewWriter {
  public static let pageName = "preview.html"
  public static let contactSheetName = "preview.png"

  public static func write(runFolder: URL, options: PreviewOptions = PreviewOptions()) throws -> PreviewResult {
    if let pairs = options.pairs, pairs < 0 {
      throw PreviewError.invalidOption("--pairs must be 0 or more, not \(pairs)")
    }
    guard options.sheetRows >= 0 else {
      throw PreviewError.invalidOption("--sheet must be 0 or more, not \(options.sheetRows)")
    }
    guard options.tileHeight >= 1 else {
      throw PreviewError.invalidOption("the tile height must be at least 1, not \(options.tileHeight)")
    }
    let sheetHeight = ContactSheet(tileHeight: options.tileHeight).height(rows: options.sheetRows)
    guard sheetHeight <= PNGFile.maximumDimension else {
      throw PreviewError.invalidOption(
        "a contact sheet of \(options.sheetRows) rows would be \(sheetHeight) pixels high, more than the "
          + "\(PNGFile.maximumDimension) a PNG may have here; ask for fewer rows")
    }
    let folder = runFolder.standardizedFileURL
    let records = try RunRecords.load(from: folder)
    let locator = try MediaLocator(runFolder: folder, records: records, options: options)
    let limit = options.pairs ?? .max
    let cards =
      records.accepted.prefix(limit).map { PreviewCard(accepted: $0, locator: locator) }
      + records.rejected.prefix(limit).map { PreviewCard(rejected: $0, locator: locator) }
    let sheetCards = records.accepted.prefix(options.sheetRows).map { PreviewCard(accepted: $0, locator: locator) }

    var seen: Set<PreviewMedia> = []
    let media = (cards + sheetCards).flatMap { $0.media.map(\.media) }.filter { seen.insert($0).inserted }
    let audio = media.filter { $0.kind == .audio && $0.problem == nil }
    if !audio.isEmpty { try createFolder(folder.appendingPathComponent(MediaLocator.previewFolderName)) }
    var failures = try SpectrogramBatch.render(audio, into: folder)
    try removeStaleSpectrograms(in: folder, keeping: Set(audio.compactMap(\.spectrogram)))

    let sheetURL = folder.appendingPathComponent(contactSheetName)
    let rows = sheetCards.map { contactSheetRow($0, runFolder: folder, failures: &failures) }
    if rows.isEmpty {
      try remove(sheetURL)
    } else {
      try write(ContactSheet(tileHeight: options.tileHeight).render(rows), to: sheetURL)
    }

    let pageURL = folder.appendingPathComponent(pageName)
    let page = PreviewPage(records: records, cards: cards, failures: failures, runFolder: folder)
    do {
      try Data(page.html().utf8).write(to: pageURL, options: .atomic)
    } catch {
      throw PreviewError.cannotWrite(pageURL.path, reason: error.localizedDescription)
    }

    let problems = media.compactMap { item in
      (item.problem ?? failures[item]).map { PreviewResult.MediaProblem(path: item.path, reason: $0) }
    }
    return PreviewResult(
      page: pageURL, contactSheet: rows.isEmpty ? nil : sheetURL, contactSheetRows: rows.count,
      acceptedShown: cards.count { $0.status == .accepted }, acceptedTotal: records.accepted.count,
      rejectedShown: cards.count { $0.status == .rejected }, rejectedTotal: records.rejected.count,
      spectrograms: audio.count { failures[$0] == nil },
      problems: problems.sorted { ($0.path, $0.reason) < ($1.path, $1.reason) })
  }

  /// The pictures of one pair: images read from their files, spectrograms from `preview/`. An image that
  /// cannot be decoded is recorded in `failures`, so its card says so too.
  private static func contactSheetRow(
    _ card: PreviewCard, runFolder: URL, failures: inout [PreviewMedia: String]
  ) -> ContactSheet.Row {
    let pictures = card.media.map { _, media -> Image? in
      guard media.problem == nil, failures[media] == nil, let url = media.url else { return nil }
      do {
        if media.kind == .image { return try ImageFile.read(from: url).image }
        guard let spectrogram = media.spectrogram else { return nil }
        return try PNGFile.read(from: runFolder.appendingPathComponent(spectrogram))
      } catch {
        failures[media] = "\(error)"
        return nil
      }
    }
    return ContactSheet.Row(kind: card.media[0].media.kind, source: pictures[0], augmented: pictures[1])
  }

  /// Removes spectrograms of an earlier preview that this one does not show, so the folder matches the page.
  private static func removeStaleSpectrograms(in runFolder: URL, keeping kept: Set<String>) throws {
    let previewFolder = runFolder.appendingPathComponent(MediaLocator.previewFolderName)
    guard FileManager.default.fileExists(atPath: previewFolder.path) else { return }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: previewFolder.path)
    } catch {
      throw PreviewError.cannotWrite(previewFolder.path, reason: error.localizedDescription)
    }
    for name in names where name.hasSuffix(".png") && !kept.contains("\(MediaLocator.previewFolderName)/\(name)") {
      try remove(previewFolder.appendingPathComponent(name))
    }
  }

  private static func createFolder(_ url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: error.localizedDescription)
    }
  }

  private static func write(_ image: Image, to url: URL) throws {
    do {
      try PNGFile.write(image, to: url)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: "\(error)")
    }
  }

  private static func remove(_ url: URL) throws {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: error.localizedDescription)
    }
  }
}
