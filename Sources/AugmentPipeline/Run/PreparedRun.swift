import AugmentAnalysis
import Foundation

/// A slice run ready to go: recipe found, dataset read, weakness checked, realism calibrated on the
/// slice's real members. `--dry-run` prints it; ``execute(cancellation:progress:)`` makes the samples.
public struct PreparedRun: Sendable {
  public let request: SliceRunRequest
  public let recipe: Recipe
  public let dataset: SliceDataset
  public let sources: [SourceExample]
  public let weakness: Verdict
  /// Things the user should know: calibration fallbacks, unreadable members, a forced weakness gate.
  public let notes: [String]
  private let maker: Maker

  private enum Maker: Sendable {
    case audio(AudioSampleFactory)
    case image(ImageSampleFactory)
  }

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
    let sources = try dataset.sources(request.sources)
    guard !sources.isEmpty else {
      throw RunError.noSources(slice: recipe.name, table: request.dataset.path, selection: request.sources.rawValue)
    }
    let members = try dataset.members(of: recipe.name)
    let maker: Maker
    switch recipe.modality {
    case .audio:
      let everyClip = try dataset.sources(.all)
      let factory = try AudioSampleFactory(
        recipe: recipe, members: members, datasetClips: everyClip, noiseBanks: request.noiseBanks, jobs: request.jobs,
        outputFormat: request.audioFormat)
      notes += factory.notes
      maker = .audio(factory)
    case .image:
      let factory = try ImageSampleFactory(
        recipe: recipe, members: members, jobs: request.jobs, outputFormat: request.imageFormat)
      notes += factory.calibration.notes
      maker = .image(factory)
    }
    return PreparedRun(
      request: request, recipe: recipe, dataset: dataset, sources: sources, weakness: weakness, notes: notes,
      maker: maker)
  }

  /// What a run would make, from what, and with which calibrated ranges and rules.
  public func dryRunDescription() -> String {
    var lines = [
      "\(recipe.name): \(request.count) samples from \(sources.count) \(request.sources.rawValue) rows of "
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
    let settings = RunSettings(
      slice: recipe.name, count: request.count, seed: request.seed, jobs: request.jobs, redraws: recipe.redraws,
      shard: request.shard, recipeHash: recipeHash)
    let lock = try folder.lock()
    return try withExtendedLifetime(lock) {
      let kept = try folder.open(for: identity, resume: request.resume)
      switch maker {
      case .audio(let factory):
        return try SliceRunner(factory: factory, sources: sources, settings: settings, folder: folder)
          .run(kept: kept, resumed: request.resume, notes: notes, cancellation: cancellation, progress: progress)
      case .image(let factory):
        return try SliceRunner(factory: factory, sources: sources, settings: settings, folder: folder)
          .run(kept: kept, resumed: request.resume, notes: notes, cancellation: cancellation, progress: progress)
      }
    }
  }
}
