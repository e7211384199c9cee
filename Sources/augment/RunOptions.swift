import AugmentPipeline
import ArgumentParser
import Foundation

/// Options of a slice run, shared by `augment run` and the root command.
struct RunOptions: ParsableArguments {
  @Option(help: "The error-analysis table (CSV or JSONL). Default: the shipped samples' table for the slice's kind.")
  var dataset: String?

  @Option(
    help: ArgumentHelp(
      "Which rows to start from: untagged-correct (default), untagged, or all.", valueName: "selection"))
  var sources: String = SliceDataset.SourceSelection.untaggedCorrect.rawValue

  @Option(help: "The folder of noise-bank categories.")
  var noiseBanks: String = "noise-banks"

  @Option(help: "The folder of impulse-response (room response) categories.")
  var rirBanks: String = "rir-banks"

  @Option(help: "The output folder. Default: augmented/<slice>/.")
  var out: String?

  @Option(parsing: .unconditional, help: "The seed every sample's random stream derives from (0 to 2^64 - 1).")
  var seed: UInt64 = 0

  @Option(parsing: .unconditional, help: "Worker threads, 1 to 256. Default: all cores.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "A YAML recipe file that adds or overrides recipes.")
  var config: String?

  @Option(
    help: """
      Make only shard K of N (sample indices i with i mod N = K). Default: JOB_COMPLETION_INDEX with \
      AUGMENT_SHARD_COUNT (Kubernetes Indexed Job), or SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT.
      """)
  var shard: String?

  @Flag(help: "Show what would be made and the calibrated ranges, without writing anything.")
  var dryRun = false

  @Flag(help: "Continue a run in --out up to --count, keeping what it already made.")
  var resume = false

  @Flag(help: "Augment even when the analysis shows no weakness on the slice.")
  var force = false

  @Flag(help: "Accept absolute paths and paths that leave the dataset's folder.")
  var allowOutsidePaths = false

  @Option(help: "Write image samples as png or jpeg. Default: as each source is stored (JPEG at its quality).")
  var imageFormat: ImageOutputFormat?

  @Option(
    help: ArgumentHelp(
      "The zlib level of PNG samples, 0 (stored) to 9 (smallest). Default: \(PNGLevel.runDefault), fast.",
      valueName: "level"))
  var pngLevel: Int = PNGLevel.runDefault

  @Option(help: "Write audio samples as wav or flac (16-bit PCM).")
  var audioFormat: AudioOutputFormat = .wav

  @Option(
    help: ArgumentHelp(
      "Spread samples over the sources' labels (label, the default), not at all (none), or a column's values.",
      valueName: "label|none|column"),
    transform: SourceBalance.init)
  var balance: SourceBalance = .label

  @Option(
    help: ArgumentHelp(
      "Only rows whose COLUMN holds VALUE may be sources, e.g. split=train (repeatable; one column's values add up).",
      valueName: "column=value"),
    transform: { try SourceFilter(parsing: $0) })
  var sourcesWhere: [SourceFilter] = []

  @Option(
    help: ArgumentHelp(
      "Report in summary.json how the checklist treated the sources of each value of this column, e.g. speaker, "
        + "besides each label; warn when it rejects one far more.", valueName: "column"))
  var groupColumn: String?

  @Option(help: "The folder the table's media paths are relative to. Default: the table's folder.")
  var mediaRoot: String?

  @Option(help: "With --dataset DIR: a CSV or JSONL of predictions and tags joined on file_name or id.")
  var predictions: String?

  @Option(
    help: ArgumentHelp(
      "A shell command line of your model, asked about every candidate in JSON Lines (see the README).",
      valueName: "command"))
  var modelCmd: String?

  @Option(parsing: .unconditional, help: "With --model-cmd: sample indices made, scored and decided together, 1 to 4096.")
  var modelBatch: Int = ModelSettings.defaultBatch

  @Option(parsing: .unconditional, help: "With --model-cmd: the longest wait in seconds for the answers to one batch.")
  var modelTimeout: Double = ModelSettings.defaultTimeout

  @Option(
    help: ArgumentHelp(
      "With --model-cmd: keep all candidates (record only, the default), match the members' error rate, only wrong "
        + "ones, or mix:F (a share F wrong).", valueName: "all|match|wrong|mix:F"))
  var keep: String = "all"

  func validate() throws {
    guard SliceDataset.SourceSelection(rawValue: sources) != nil else {
      throw ValidationError("--sources takes untagged-correct, untagged or all.")
    }
    try OptionBounds.check(jobs, in: SliceRunRequest.jobsRange, option: "--jobs")
    try OptionBounds.check(pngLevel, in: PNGLevel.range, option: "--png-level")
    if let shard { _ = try parsedShard(shard) }
    guard KeepPolicy(parsing: keep) != nil else {
      throw ValidationError("--keep takes all, match, wrong or mix:F with F from 0 to 1, e.g. mix:0.3.")
    }
    try OptionBounds.check(modelBatch, in: ModelSettings.batchRange, option: "--model-batch")
    guard modelTimeout > 0, modelTimeout.isFinite else { throw ValidationError("--model-timeout takes a positive number of seconds.") }
    if modelCmd?.trimmingCharacters(in: .whitespaces).isEmpty == true {
      throw ValidationError("--model-cmd takes a command line, e.g. --model-cmd \"python3 score.py\".")
    }
    if modelCmd == nil, keep != "all" { throw ValidationError("--keep \(keep) needs --model-cmd: the model's answers decide it.") }
  }

  /// `--model-cmd` and its settings; `nil` when no model is asked.
  var model: ModelSettings? {
    modelCmd.map { ModelSettings(command: $0, batch: modelBatch, timeout: modelTimeout, keep: KeepPolicy(parsing: keep)!) }
  }

  /// `--shard`, else the shard an Indexed Job or a job array gives through the environment.
  func resolvedShard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
    if let shard { return try parsedShard(shard) }
    if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init),
      let count = environment["AUGMENT_SHARD_COUNT"].flatMap(Int.init)
    {
      return try Shard(index: index, count: count)
    }
    if let index = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init),
      let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init)
    {
      let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
      return try Shard(index: index - minimum, count: count)
    }
    return nil
  }

  private func parsedShard(_ text: String) throws -> Shard {
    do {
      return try Shard(parsing: text)
    } catch {
      throw ValidationError("\(error)")
    }
  }
}
