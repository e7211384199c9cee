import Foundation
import MediaIO

/// Writes the preview of a run into its folder: `preview.html` (the slice's real members, the run's realism
/// figure, then every pair and rejected candidate with its parameters and checklist values), `preview.png`
/// (a contact sheet of a spread of the pairs), and `preview/` (spectrograms for audio, and the rejected
/// candidates remade from their records; sources, samples and members are referenced where they are).
///
/// Only the run's files are required; a missing or unreadable media file is shown as such on its card and
/// listed in the result, so one bad file never hides the rest of the run.
public enum PreviewWriter {
  public static let pageName = "preview.html"
  public static let contactSheetName = "preview.png"

  public static func write(runFolder: URL, options: PreviewOptions = PreviewOptions()) throws -> PreviewResult {
    try validate(options)
    let folder = runFolder.standardizedFileURL
    let records = try RunRecords.load(from: folder)
    let locator = try MediaLocator(runFolder: folder, records: records, options: options)
    let slice = records.identities.first?.slice ?? records.accepted.first?.slice ?? folder.lastPathComponent
    let members = RealMembers(slice: slice, locator: locator, predictions: locator.predictions)
    let limit = options.pairs ?? .max
    let rejected = Array(records.rejected.prefix(limit))
    let candidates = try RejectedCandidates(
      locator: locator, noiseBanks: options.noiseBanks, impulseResponseBanks: options.impulseResponseBanks).remake(rejected)
    let cards =
      records.accepted.prefix(limit).map {
        PreviewCard(accepted: $0, realism: records.acceptedRealism[$0.id], members: members, locator: locator)
      }
      + rejected.map {
        PreviewCard(
          rejected: $0, candidate: candidates[RunRecords.key($0)], realism: records.rejectedRealism[RunRecords.key($0)],
          members: members, locator: locator)
      }
    let spread = ContactSheet.Spread(records.accepted, rows: options.sheetRows)
    let sheetCards = spread.records.map {
      PreviewCard(accepted: $0, realism: records.acceptedRealism[$0.id], members: members, locator: locator)
    }
    let shownMembers = members.shown(options.members)

    var seen: Set<PreviewMedia> = []
    let media = (shownMembers.map(\.media) + (cards + sheetCards).flatMap { $0.media.map(\.media) })
      .filter { seen.insert($0).inserted }
    let audio = media.filter { $0.kind == .audio && $0.problem == nil }
    if !audio.isEmpty { try PreviewFiles.createFolder(folder.appendingPathComponent(MediaLocator.previewFolderName)) }
    var rendered = try SpectrogramBatch.render(audio, into: folder)
    let kept = Set(audio.compactMap(\.spectrogram) + candidates.values.filter { $0.problem == nil }.map(\.path))
    try PreviewFiles.removeStale(in: folder, keeping: kept)

    let sheetURL = folder.appendingPathComponent(contactSheetName)
    let rows = sheetCards.map { contactSheetRow($0, label: spread.label(of: $0), runFolder: folder, failures: &rendered.failures) }
    if rows.isEmpty {
      try PreviewFiles.remove(sheetURL)
    } else {
      try write(ContactSheet(tileHeight: options.tileHeight).render(rows), to: sheetURL)
    }

    let pageURL = folder.appendingPathComponent(pageName)
    let page = PreviewPage(
      slice: slice, records: records, cards: cards, members: shownMembers, membersTotal: members.all.count,
      membersProblem: members.problem, rendered: rendered, runFolder: folder)
    do {
      try Data(page.html().utf8).write(to: pageURL, options: .atomic)
    } catch {
      throw PreviewError.cannotWrite(pageURL.path, reason: error.localizedDescription)
    }

    var problems = media.compactMap { item in
      (item.problem ?? rendered.failures[item]).map { PreviewResult.MediaProblem(path: item.path, reason: $0) }
    }
    if let problem = members.problem { problems.append(.init(path: locator.table.path, reason: problem)) }
    return PreviewResult(
      page: pageURL, contactSheet: rows.isEmpty ? nil : sheetURL, contactSheetRows: rows.count,
      acceptedShown: cards.count { $0.status == .accepted }, acceptedTotal: records.accepted.count,
      rejectedShown: cards.count { $0.status == .rejected }, rejectedTotal: records.rejected.count,
      membersShown: shownMembers.count, membersTotal: members.all.count,
      spectrograms: audio.count { rendered.failures[$0] == nil },
      problems: problems.sorted { ($0.path, $0.reason) < ($1.path, $1.reason) })
  }

  private static func validate(_ options: PreviewOptions) throws {
    if let pairs = options.pairs, pairs < 0 {
      throw PreviewError.invalidOption("--pairs must be 0 or more, not \(pairs)")
    }
    guard options.sheetRows >= 0 else {
      throw PreviewError.invalidOption("--sheet must be 0 or more, not \(options.sheetRows)")
    }
    guard options.members >= 0 else {
      throw PreviewError.invalidOption("--members must be 0 or more, not \(options.members)")
    }
    guard options.tileHeight >= ContactSheet.minimumTileHeight else {
      throw PreviewError.invalidOption(
        "the tile height must be at least \(ContactSheet.minimumTileHeight), not \(options.tileHeight)")
    }
    let sheetHeight = ContactSheet(tileHeight: options.tileHeight).height(rows: options.sheetRows)
    guard sheetHeight <= PNGFile.maximumDimension else {
      throw PreviewError.invalidOption(
        "a contact sheet of \(options.sheetRows) rows would be \(sheetHeight) pixels high, more than the "
          + "\(PNGFile.maximumDimension) a PNG may have here; ask for fewer rows")
    }
  }

  /// The pictures of one pair: images read from their files, spectrograms from `preview/`. An image that
  /// cannot be decoded is recorded in `failures`, so its card says so too.
  private static func contactSheetRow(
    _ card: PreviewCard, label: String, runFolder: URL, failures: inout [PreviewMedia: String]
  ) -> ContactSheet.Row {
    let pictures = card.media.prefix(2).map { _, media -> Image? in
      guard media.problem == nil, failures[media] == nil, let url = media.url else { return nil }
      do {
        if media.kind == .image { return try ImageFile.read(from: url).image }
        guard let spectrogram = media.spectrogram else { return nil }
        return try ImageFile.read(from: runFolder.appendingPathComponent(spectrogram)).image
      } catch {
        failures[media] = "\(error)"
        return nil
      }
    }
    return ContactSheet.Row(kind: card.media[0].media.kind, label: label, source: pictures[0], augmented: pictures[1])
  }

  private static func write(_ image: Image, to url: URL) throws {
    do {
      try PNGFile.write(image, to: url)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: "\(error)")
    }
  }
}
