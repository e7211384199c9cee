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

  private func makeRequest() throws -> SliceRunRequest {
    let recipes = try RecipeOptions.book(config: options.config)
    let recipe = try recipes.recipe(named: slice)
    let dataset = options.dataset ?? (recipe.modality == .audio ? "samples/errors-speech.csv" : "samples/errors-images.csv")
    let out: String
    if let base = options.out {
      out = outputIsPerSlice ? (base as NSString).appendingPathComponent(slice) : base
    } else {
      out = "augmented/\(slice)"
    }
    return SliceRunRequest(
      slice: slice, count: count, seed: options.seed, jobs: options.jobs, recipes: recipes,
      dataset: URL(fileURLWithPath: dataset), sources: SliceDataset.SourceSelection(rawValue: options.sources)!,
      noiseBanks: URL(fileURLWithPath: options.noiseBanks), output: URL(fileURLWithPath: out),
      shard: try options.resolvedShard(), resume: options.resume, force: options.force,
      allowOutsidePaths: options.allowOutsidePaths, imageFormat: options.imageFormat, audioFormat: options.audioFormat,
      balance: options.balance, sourcesWhere: options.sourcesWhere, mediaRoot: options.mediaRoot.map { URL(fileURLWithPath: $0) },
      predictions: options.predictions.map { URL(fileURLWithPath: $0) }, model: options.model)
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
