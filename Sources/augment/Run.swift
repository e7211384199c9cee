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
      counted by reason but are not failures); 3 fewer made only because too few sources were usable; 65 some \
      sources could not be read, or some samples could not be made because candidates kept failing the \
      checklist (each is reported); 130 interrupted (continue with --resume).
      """)

  @Option(help: "The slice (tag) to make, e.g. car-noise, low-bandwidth, dark-background. See `augment recipes`.")
  var slice: String?

  @Option(help: "How many samples to make.")
  var count: Int?

  @Option(help: "Run every entry of a plan written by `augment plan` instead of one slice.")
  var plan: String?

  @OptionGroup var options: RunOptions

  func validate() throws {
    if plan == nil {
      guard slice != nil else { throw ValidationError("Give --slice SLICE (see `augment recipes`) or --plan plan.json.") }
      guard let count, count > 0 else { throw ValidationError("Give --count N with N ≥ 1.") }
    } else if slice != nil || count != nil {
      throw ValidationError("--plan runs the slices and counts of the plan; leave out --slice and --count.")
    }
    try options.validate()
  }

  func run() throws {
    let jobs = try plan.map { try PlanFile.entries(at: $0) } ?? [(slice!, count!)]
    var worst: ExitCode = .success
    for (slice, count) in jobs {
      let status = try SliceCommand(slice: slice, count: count, options: options, outputIsPerSlice: plan != nil).run()
      if status != .success { worst = status }
      if status == .interrupted { break }
    }
    if worst != .success { throw worst }
  }
}
