import AugmentAnalysis
import Foundation

/// A slice run ready to go: recipe found, dataset read, weakness checked, realism calibrated on the
/// slice's real members. `--dry-run` prints it; ``execute(cancellation:progress:)`` makes the samples.
public struct PreparedRun: Sendable {
  public let request: SliceRunRequest
  public let recipe: Recipe
  public let dataset: SliceDataset
  /// The sources the run can reach, in order: of a selection longer than the run needs, only its start.
  public let sources: [SourceExample]
  /// How many rows the source selection holds.
  public let sourceCount: Int
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
    let dataset = try SliceDataset(tableURL: request.dataset, allowOutsidePaths: request.allowOutsidePaths)
    if let modality = dataset.modality, modality != recipe.modality {
      throw RunError.modalityMismatch(slice: recipe.name, table: request.dataset.path)
    }
    var notes: [String] = []
    let weakness = WeaknessGate.evaluate(slice: recipe.name, report: dataset.report, minGapToHLP: recipe.checklist.minGapToHLP)
    if !weakness.passed {
      guard request.force else { throw RunError.notWeak(slice: recipe.name, explanation: weakness.reason) }
      notes.append("--force: augmenting although \(weakness.reason)")
    }
    // Sample i tries sources i, i+1, … (mod the count) for i < count, so sources past count + tries - 1 are
    // never reached; reading only that start keeps preparation proportional to the run, not the table.
    let (sources, sourceCount) = try dataset.sources(
      request.sources, resolvingFirst: min(request.count, Int.max / 2) + Self.sourcesPerSample - 1)
    guard !sources.isEmpty else {
      throw RunError.noSources(slice: recipe.name, table: request.dataset.path, selection: request.sources.rawValue)
    }
    let members = try dataset.members(of: recipe.name, limit: Self.calibrationLimit)
    let maker: Maker
    switch recipe.modality {
    case .audio:
      let factory = try AudioSampleFactory(
        recipe: recipe, members: members, datasetClips: try dataset.clips(limit: Self.calibrationLimit),
        noiseBanks: request.noiseBanks, jobs: request.jobs)
      notes += factory.notes
      maker = .audio(factory)
    case .image:
      let factory = try ImageSampleFactory(recipe: recipe, members: members, jobs: request.jobs)
      notes += factory.calibration.notes
      maker = .image(factory)
    }
    return PreparedRun(
      request: request, recipe: recipe, dataset: dataset, sources: sources, sourceCount: sourceCount,
      weakness: weakness, notes: notes, maker: maker)
  }

  /// What a run would make, from what, and with which calibrated ranges and rules.
  public func dryRunDescription() -> String {
    var lines = [
      "\(recipe.name): \(request.count) samples from \(sourceCount) \(request.sources.rawValue) rows of "
        + "\(request.dataset.relativePath) into \(request.output.relativePath)/ (seed \(request.seed))",
      "weakness: \(weakness.reason)",
    ]
    switch maker {
    case .audio(let factory):
      lines += factory.calibration.lines
      lines += factory.transformLines.map { "transform \($0)" }
    case .image(let factory):
      lines += factory.calibration.lines
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
      dataset: RelativePath.from(request.output, to: request.dataset), shard: request.shard)
    let completed = try folder.open(for: identity, resume: request.resume)
    let settings = RunSettings(
      slice: recipe.name, count: request.count, seed: request.seed, jobs: request.jobs, redraws: recipe.redraws,
      sourcesPerSample: Self.sourcesPerSample, shard: request.shard, recipeHash: recipeHash)
    switch maker {
    case .audio(let factory):
      return try SliceRunner(factory: factory, sources: sources, settings: settings, folder: folder)
        .run(completed: completed, notes: notes, cancellation: cancellation, progress: progress)
    case .image(let factory):
      return try SliceRunner(factory: factory, sources: sources, settings: settings, folder: folder)
        .run(completed: completed, notes: notes, cancellation: cancellation, progress: progress)
    }
  }
}
