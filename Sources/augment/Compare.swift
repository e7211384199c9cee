import ArgumentParser
import AugmentAnalysis
import Foundation

/// `augment compare`: the error analysis before and after retraining with augmented samples, slice by slice.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two error-analysis tables, before and after retraining, slice by slice and class by class.",
    discussion: """
      BEFORE and AFTER are read exactly as `augment analyze` reads a table, with the same options. For every \
      tag, the untagged rows, all rows and (when the labels are classes) every class, compare shows the \
      accuracy before and after (per class: recall, precision and F1), the gap to human-level performance, and \
      the change with a confidence interval.

      When both tables hold the same examples (every row has an id, and both have the same ids, each with the \
      same label and tags), the comparison is paired: it counts the rows that went from right to wrong and \
      from wrong to right, the verdict is the exact McNemar test on those rows, and the interval is Newcombe's \
      square-and-add interval for paired proportions (Newcombe 1998, method 10 for paired data). Otherwise it \
      says why, and takes the tables as independent samples: Newcombe's hybrid score interval (method 10 for \
      independent proportions), the verdict whether it excludes zero. A change is 'improved' or 'DROPPED' when \
      significant, 'worse, not significant' when lower but within chance, and 'no clear change' otherwise; \
      drops, and (paired) every slice where some row went from right to wrong, are listed again at the end. \
      Tables of different kinds of media (speech and images), or whose tags have none in common, are refused. \
      F1 changes have no interval. Figures count examples; the weight column is not used.

      With --manifests (the manifest.jsonl files of the augmentation runs, e.g. augmented/*/manifest.jsonl; \
      give them after the two tables) each slice's line also shows how many samples were made for it; samples \
      of another kind of media than the tables' are listed apart and not counted.

      Exit status: 0 on success, also when something dropped unless --fail-on-drop is given, which makes it 1; \
      64 for a usage error, 65 when an input file is malformed (the message names the file and line) or the \
      tables do not compare (other media, no shared slice), 66 when it cannot be read.
      """)

  @Argument(help: "The error-analysis table before retraining (.csv or .jsonl).")
  var before: String

  @Argument(help: "The error-analysis table after retraining, of the same kind.")
  var after: String

  @OptionGroup var tableArguments: TableArguments

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "The augmentation runs' manifest.jsonl files, to count the samples per slice.", valueName: "file"))
  var manifests: [String] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The confidence level of the intervals, strictly between 0 and 1.", valueName: "level"))
  var confidence = 0.95

  @Flag(help: "Print the comparison as JSON instead of tables.")
  var json = false

  @Flag(help: "Exit with status 1 when a slice or class dropped (for CI pipelines).")
  var failOnDrop = false

  func validate() throws {
    if !(confidence > 0 && confidence < 1) {
      throw ValidationError("--confidence must be strictly between 0 and 1 (e.g. 0.95); got \(confidence).")
    }
  }

  func run() throws {
    let comparison = try reportingErrors {
      let options = tableArguments.tableOptions
      return try ComparisonReport(
        before: try ErrorTable.load(from: URL(fileURLWithPath: before), options: options),
        after: try ErrorTable.load(from: URL(fileURLWithPath: after), options: options),
        options: try tableArguments.analysisOptions(), samples: try countSamples(), confidence: confidence)
    }
    if json {
      FileHandle.standardOutput.write(try comparison.jsonData())
    } else {
      print(ReportFormatter.format(comparison), terminator: "")
    }
    if failOnDrop && comparison.hasDrops { throw ExitCode.failure }
  }

  /// The manifests' samples per slice; `nil` without `--manifests`.
  private func countSamples() throws -> ManifestCounts? {
    guard !manifests.isEmpty else { return nil }
    return try ManifestCounts(contentsOf: manifests.map { URL(fileURLWithPath: $0) })
  }
}
