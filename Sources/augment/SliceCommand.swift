import AugmentPipeline
import ArgumentParser
import Dispatch
import Foundation

/// One slice run from the command line: builds the request, shows the dry run or runs with a progress
/// display, stops cleanly on Ctrl-C or SIGTERM, and prints the closing summary.
struct SliceCommand {
  var slice: String
  var count: Int
  var options: RunOptions
  /// With a plan, `--out` is a parent folder and each slice gets its own subfolder.
  var outputIsPerSlice: Bool
  /// With a plan, whether the slice's folder holds its run to continue (see ``adoptExistingRun()``), which decides
  /// for the slice whatever `--resume` says; `nil` leaves it to `--resume`.
  var resumesExistingRun: Bool?

  /// With a plan, a slice's folder may already hold its run, from a single-slice run such as the quick start or
  /// from an earlier plan. A run that holds at least the plan's count and its own `run.json` count is complete:
  /// it is skipped with a message, its records untouched. One that holds fewer is resumed up to the larger of
  /// the two counts, so `run.json`'s count is never lowered. Returns whether the slice is still to run; a folder
  /// that holds no run, or a run of other settings (seed, recipe, table), is left to the run itself to report.
  mutating func adoptExistingRun() -> Bool {
    let folder = OutputFolder(url: URL(fileURLWithPath: output), shard: try? options.resolvedShard())
    guard let (identity, samples) = try? folder.existingRun() else {
      // Nothing to continue: the slice starts afresh, also when --resume is given for the plan's other slices.
      resumesExistingRun = false
      return true
    }
    guard isSameRun(identity) else { return true }
    let target = max(count, identity.count)
    if samples >= target {
      print(
        "\(slice): \(output)/ already holds \(samples) samples (the plan asks for \(count)); "
          + "skipped, its records kept as they are")
      return false
    }
    FileHandle.standardError.write(
      Data("note: \(slice): \(output)/ holds \(samples) of \(target) samples; resuming it\n".utf8))
    count = target
    resumesExistingRun = true
    return true
  }

  func run() throws -> ExitCode {
    let request: SliceRunRequest
    let prepared: PreparedRun
    do {
      request = try makeRequest()
      prepared = try PreparedRun.prepare(request)
    } catch {
      return report(error)
    }
    for note in prepared.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    if options.dryRun {
      print(prepared.dryRunDescription())
      return .success
    }
    let cancellation = CancellationFlag()
    let signals = Self.stopOnSignals(cancellation)
    // A model command that dies must surface as a failed write to its input, not end this process.
    if request.model != nil { signal(SIGPIPE, SIG_IGN) }
    defer { signals.forEach { $0.cancel() } }
    let display = ProgressDisplay(slice: slice)
    let summary: RunSummary
    do {
      summary = try prepared.execute(cancellation: cancellation, progress: display.update)
    } catch {
      display.finish()
      return report(error)
    }
    display.finish()
    print(SummaryText.render(summary, folder: request.output.relativePath))
    if summary.interrupted { return .interrupted }
    if summary.isShortOfUsableSources { return .tooFewUsableSources }
    return summary.isComplete ? .success : .dataError
  }

  /// Whether a folder's `run.json` describes the run this command would make: its slice, seed, recipe and table.
  private func isSameRun(_ identity: RunIdentity) -> Bool {
    guard identity.slice == slice, identity.seed == options.seed,
      let recipe = try? RecipeOptions.book(config: options.config).recipe(named: slice)
    else { return false }
    return identity.recipeHash == RecipeBook.fingerprint(of: recipe)
      && identity.dataset
        == RelativePath.from(URL(fileURLWithPath: output), to: URL(fileURLWithPath: dataset(for: recipe)))
  }

  /// `--dataset`, else the shipped table of the recipe's kind of media.
  private func dataset(for recipe: Recipe) -> String {
    options.dataset ?? (recipe.modality == .audio ? "samples/errors-speech.csv" : "samples/errors-images.csv")
  }

  private func makeRequest() throws -> SliceRunRequest {
    let recipes = try RecipeOptions.book(config: options.config)
    let recipe = try recipes.recipe(named: slice)
    let dataset = dataset(for: recipe)
    return SliceRunRequest(
      slice: slice, count: count, seed: options.seed, jobs: options.jobs, recipes: recipes,
      dataset: URL(fileURLWithPath: dataset), sources: SliceDataset.SourceSelection(rawValue: options.sources)!,
      noiseBanks: URL(fileURLWithPath: options.noiseBanks),
      impulseResponseBanks: URL(fileURLWithPath: options.rirBanks), output: URL(fileURLWithPath: output),
      shard: try options.resolvedShard(), resume: resumesExistingRun ?? options.resume, force: options.force,
      allowOutsidePaths: options.allowOutsidePaths, imageFormat: options.imageFormat, pngLevel: options.pngLevel,
      audioFormat: options.audioFormat,
      balance: options.balance, sourcesWhere: options.sourcesWhere, mediaRoot: options.mediaRoot.map { URL(fileURLWithPath: $0) },
      predictions: options.predictions.map { URL(fileURLWithPath: $0) }, model: options.model,
      groupColumn: options.groupColumn)
  }

  /// The slice's output folder: `--out`, its subfolder for the slice with a plan, or `augmented/<slice>`.
  private var output: String {
    guard let base = options.out else { return "augmented/\(slice)" }
    return outputIsPerSlice ? (base as NSString).appendingPathComponent(slice) : base
  }

  /// Ctrl-C and SIGTERM ask the run to stop after the batch in flight; a second Ctrl-C ends at once.
  private static func stopOnSignals(_ cancellation: CancellationFlag) -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        if cancellation.isCancelled { exit(130) }
        cancellation.cancel()
        FileHandle.standardError.write(Data("\nstopping after the samples in progress; --resume continues\n".utf8))
      }
      source.resume()
      return source
    }
  }
}
