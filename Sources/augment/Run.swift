import AugmentPipeline
import ArgumentParser
import Dispatch
import Foundation

/// `augment --slice SLICE --count N` (also `augment run …`): make checked samples of one slice.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make new, checked samples of a slice where the model is weak.",
    discussion: """
      Every candidate is gated by the recipe's checklist (realism against real slice members, clarity \
      against its source, and the slice's weakness in the analysis) before it is written. Outputs go to \
      --out: the media, manifest.jsonl (one line per sample), rejected.jsonl and summary.json.
      Exit status: 0 done (sources skipped as unusable, e.g. too little speech for the clarity gate, are \
      counted by reason but are not failures); 1 the slice shows no weakness (--force overrides); 3 fewer \
      made only because too few sources were usable; 64 a wrong option; 65 some sources could not be read, \
      or some samples could not be made because candidates kept failing the checklist (each is reported), \
      or an input is malformed; 66 an input is missing; 69 the --model-cmd command could not start, ended, timed \
      out or answered malformed lines (continue with --resume once it works); 73 the output cannot be written or another process \
      holds the folder; 130 interrupted (continue with --resume).
      """)

  @Option(help: "The slice (tag) to make, e.g. car-noise, low-bandwidth, dark-background. See `augment recipes`.")
  var slice: String?

  // `.unconditional` so that `--count -1` reaches validation (and says what is wrong) instead of reading as a flag.
  @Option(parsing: .unconditional, help: "How many samples to make, 1 to 10000000.")
  var count: Int?

  @Option(help: "Run every entry of a plan written by `augment plan` instead of one slice.")
  var plan: String?

  @OptionGroup var options: RunOptions

  /// What the parser did not recognise. Every option of a run is optional, so a misspelt `--cont 5` would
  /// otherwise pass parsing and be reported as a missing --count; kept here, it is reported as itself, with the
  /// option or subcommand it most likely meant.
  @Argument(parsing: .allUnrecognized, help: .hidden)
  var unrecognized: [String] = []

  func validate() throws {
    if let first = unrecognized.first { throw ValidationError(UnknownWord.message(for: first)) }
    if plan == nil {
      guard slice != nil else { throw ValidationError("Give --slice SLICE (see `augment recipes`) or --plan plan.json.") }
      guard let count else { throw ValidationError("Give --count N, the number of samples to make.") }
      try OptionBounds.check(count, in: SliceRunRequest.countRange, option: "--count")
    } else if slice != nil || count != nil {
      throw ValidationError("--plan runs the slices and counts of the plan; leave out --slice and --count.")
    }
    try options.validate()
  }

  func run() throws {
    let jobs = try plan.map { try PlanFile.entries(at: $0) } ?? [(slice!, count!)]
    var worst: ExitCode = .success
    for (slice, count) in jobs {
      var command = SliceCommand(slice: slice, count: count, options: options, outputIsPerSlice: plan != nil)
      if plan != nil, !command.adoptExistingRun() { continue }
      let status = try command.run()
      if status != .success { worst = status }
      if status == .interrupted { break }
    }
    if worst != .success { throw worst }
  }
}
