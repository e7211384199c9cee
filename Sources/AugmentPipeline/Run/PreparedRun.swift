import AugmentAnalysis
import Foundation

/// A slice run ready to go: recipe found, dataset read, weakness checked, realism calibrated on the
/// slice's real members. `--dry-run` prints it; ``execute(cancellation:progress:)`` makes the samples.
public struct PreparedRun: Sendable {
  public let request: SliceRunRequest
  public let recipe: Recipe
  public let dataset: SliceDataset
  /// Every eligible source, by schedule index; only those the run reaches are resolved on disk.
  public let sources: [SourceExample]
  /// Which source each sample starts from.
  public let schedule: SourceSchedule
  /// The slice's real members calibration measures; a model (`--model-cmd`) is compared on them too.
  public let members: [SourceExample]
  /// `--group-column` as the table's header spells it.
  public let groupColumn: String?
  /// What `--dry-run` says about the sources and the calibration members.
  private let sourceLines: [String]
  public let weakness: Verdict
  /// Things the user should know: calibration fallbacks, unreadable members, a forced weakness gate.
  public let notes: [String]
  private let maker: Maker

  private enum Maker: Sendable {
    case audio(AudioSampleFactory)
    case image(ImageSampleFactory)
  }

  /// How many sources one sample index tries before it is given up (``RunSettings/sourcesPerSample``).
  static let sourcesPerSample = 4
  /// The most real members (and, for audio loudness, dataset clips) calibration measures.
  public static let calibrationLimit = 256

  public static func prepare(_ request: SliceRunRequest) throws -> PreparedRun {
    let recipe = try request.recipes.recipe(named: request.slice)
    guard FileManager.default.fileExists(atPath: request.dataset.path) else {
      throw RunError.missingInput(request.dataset.path, what: "error-analysis table (pass one with --dataset)")
    }
    for (url, what) in [(request.predictions, "predictions table"), (request.mediaRoot, "media folder")] {
      if let url, !FileManager.default.fileExists(atPath: url.path) { throw RunError.missingInput(url.path, what: what) }
    }
    let dataset = try SliceDataset(
      tableURL: request.dataset, predictions: request.predictions, mediaRoot: request.mediaRoot,
      allowOutsidePaths: request.allowOutsidePaths)
    if let modality = dataset.modality, modality != recipe.modality {
      throw RunError.modalityMismatch(slice: recipe.name, table: request.dataset.path)
    }
    var notes: [String] = []
    let weakness = WeaknessGate.evaluate(slice: recipe.name, report: dataset.report, minGapToHLP: recipe.checklist.minGapToHLP)
    if !weakness.passed {
      guard request.force else { throw RunError.notWeak(slice: recipe.name, explanation: weakness.reason) }
      notes.append("--force: augmenting although \(weakness.reason)")
    }
    let rows = try dataset.eligibleRows(request.sources, where: request.sourcesWhere)
    try dataset.checkWrittenPaths(of: rows)
    let selection = ([request.sources.rawValue] + request.sourcesWhere.map(\.description)).joined(separator: " ")
    guard !rows.isEmpty else {
      throw RunError.noSources(slice: recipe.name, table: request.dataset.path, selection: selection)
    }
    let schedule = SourceSchedule(
      strata: try dataset.strata(of: rows, balance: request.balance), labels: rows.map(\.label),
      sortKeys: rows.map(SliceDataset.path(of:)), seed: request.seed)
    let groupColumn = try request.groupColumn.map { try dataset.column(named: $0, for: "--group-column") }
    // Only the sources the schedule reaches within the count, and those the draws' pilot starts from, are
    // resolved on disk, so preparing a run costs what the run reads, not the table's size.
    let pilot = DrawPilot.positions(among: rows.count)
    var sources = try dataset.examples(
      rows, resolving: schedule.sourcesReached(samples: request.count, tries: Self.sourcesPerSample).union(pilot))
    if let groupColumn {
      for (index, row) in rows.enumerated() { sources[index].group = row.extra[groupColumn] ?? "" }
    }
    let pilotSources = pilot.map { sources[$0] }
    let members = try dataset.members(of: recipe.name, limit: Self.calibrationLimit)
    var sourceLines = try Self.sourceLines(
      request: request, dataset: dataset, schedule: schedule, slice: recipe.name,
      memberRows: dataset.table.rows(taggedWith: recipe.name))
    if let groupColumn {
      let values = Set(sources.map { $0.group ?? "" }).count
      sourceLines.append("acceptance: reported per label and per \(groupColumn) (\(values) values among the sources)")
    }
    let maker: Maker
    switch recipe.modality {
    case .audio:
      let factory = try AudioSampleFactory(
        recipe: recipe, members: members, datasetClips: try dataset.clips(limit: Self.calibrationLimit),
        pilotSources: pilotSources, noiseBanks: request.noiseBanks, impulseResponseBanks: request.impulseResponseBanks, jobs: request.jobs, outputFormat: request.audioFormat)
      notes += factory.notes
      maker = .audio(factory)
    case .image:
      let factory = try ImageSampleFactory(
        recipe: recipe, members: members, pilotSources: pilotSources, jobs: request.jobs, outputFormat: request.imageFormat,
        pngLevel: request.pngLevel)
      notes += factory.notes
      maker = .image(factory)
    }
    return PreparedRun(
      request: request, recipe: recipe, dataset: dataset, sources: sources, schedule: schedule, members: members,
      groupColumn: groupColumn, sourceLines: sourceLines, weakness: weakness, notes: notes, maker: maker)
  }

  /// How many rows are sources and how they are balanced; with `--sources-where`, which splits the slice's real
  /// members (calibration) come from, since those may include rows that are never sources.
  private static func sourceLines(
    request: SliceRunRequest, dataset: SliceDataset, schedule: SourceSchedule, slice: String, memberRows: [ErrorRow]
  ) throws -> [String] {
    let filters = request.sourcesWhere.map(\.description).joined(separator: ", ")
    let strata = schedule.strata.count == 1 ? "one stratum" : "\(schedule.strata.count) strata"
    var lines = [
      "sources: \(schedule.count) \(request.sources.rawValue) rows"
        + (filters.isEmpty ? "" : " where \(filters)") + ", balanced by \(request.balance) (\(strata)); "
        + "each is used once before any is used twice"
    ]
    var columns: [String] = []
    for filter in request.sourcesWhere {
      let column = try dataset.column(named: filter.column, for: "--sources-where")
      if !columns.contains(column) { columns.append(column) }
    }
    for column in columns {
      let counts = Dictionary(grouping: memberRows) { $0.extra[column] ?? "" }.mapValues(\.count)
      let parts = counts.keys.sorted().map { "\($0.isEmpty ? "(empty)" : $0) \(counts[$0]!)" }
      lines.append(
        "calibration: \(memberRows.count) real \(slice) members from any \(column)"
          + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"))
    }
    return lines
  }

  /// What a run would make, from what, and with which calibrated ranges and rules.
  public func dryRunDescription() -> String {
    var lines = [
      "\(recipe.name): \(request.count) samples from \(sources.count) \(request.sources.rawValue) rows of "
        + "\(request.dataset.relativePath) into \(request.output.relativePath)/ (seed \(request.seed))",
      "weakness: \(weakness.reason)",
    ] + sourceLines
    switch maker {
    case .audio(let factory):
      lines += factory.calibration.lines + factory.drawLines
      lines += factory.transformLines.map { "transform \($0)" }
    case .image(let factory):
      lines += factory.calibration.lines + factory.drawLines
      lines += factory.transformLines.map { "transform \($0)" }
    }
    lines += recipe.checklist.ruleLines(for: recipe.modality)
    return lines.joined(separator: "\n")
  }

  /// Makes the samples; resumes when asked. Returns what happened (also written to `summary.json`).
  public func execute(cancellation: CancellationFlag, progress: (RunProgress) -> Void) throws -> RunSummary {
    let folder = OutputFolder(url: request.output, shard: request.shard)
    let recipeHash = RecipeBook.fingerprint(of: recipe)
    let identity = RunIdentity(
      slice: recipe.name, count: request.count, seed: request.seed, recipeHash: recipeHash,
      dataset: RelativePath.from(request.output, to: request.dataset), shard: request.shard,
      sources: SourceSettings(
        selection: request.sources.rawValue, balance: request.balance.description,
        sourcesWhere: request.sourcesWhere.map(\.description),
        mediaRoot: request.mediaRoot.map { RelativePath.from(request.output, to: $0) },
        predictions: request.predictions.map { RelativePath.from(request.output, to: $0) },
        groupColumn: groupColumn),
      output: recipe.modality == .audio ? request.audioFormat.rawValue : request.imageFormat?.rawValue ?? "as-source",
      pngLevel: recipe.modality == .image ? request.pngLevel : nil,
      model: request.model?.identity)
    let settings = RunSettings(
      slice: recipe.name, count: request.count, seed: request.seed, jobs: request.jobs, redraws: recipe.redraws,
      sourcesPerSample: Self.sourcesPerSample, shard: request.shard, recipeHash: recipeHash, groupColumn: groupColumn)
    let lock = try folder.lock()
    return try withExtendedLifetime(lock) {
      let kept = try folder.open(for: identity, resume: request.resume)
      let scorer = try request.model.map { try ModelScorer(settings: $0, workers: request.jobs) }
      let judge = scorer.map { ModelJudge(scorer: $0, members: members) }
      do {
        let summary: RunSummary
        switch maker {
        case .audio(let factory):
          summary = try SliceRunner(
            factory: factory, sources: sources, schedule: schedule, settings: settings, folder: folder, model: judge
          ).run(kept: kept, resumed: request.resume, notes: notes, cancellation: cancellation, progress: progress)
        case .image(let factory):
          summary = try SliceRunner(
            factory: factory, sources: sources, schedule: schedule, settings: settings, folder: folder, model: judge
          ).run(kept: kept, resumed: request.resume, notes: notes, cancellation: cancellation, progress: progress)
        }
        scorer?.stop(graceful: true)
        return summary
      } catch {
        scorer?.stop(graceful: false)
        throw error
      }
    }
  }
}
