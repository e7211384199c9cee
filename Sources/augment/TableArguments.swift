import ArgumentParser
import AugmentAnalysis
import Foundation

/// How to read error-analysis tables: the options `augment analyze` and `augment compare` share.
struct TableArguments: ParsableArguments {
  @Option(help: ArgumentHelp("A CSV of human-level accuracy per tag (columns: tag,human_accuracy).", valueName: "file"))
  var hlp: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Judge correctness by the score column: score <= threshold is correct (e.g. WER); any finite number.",
      valueName: "threshold"))
  var scoreThreshold: Double?

  @Flag(help: "With --score-threshold: score >= threshold is correct instead.")
  var higherIsBetter = false

  @Option(
    help: ArgumentHelp(
      "Comma-separated boolean tag columns; turns off detecting them ('' for none).", valueName: "columns"))
  var tagColumns: String?

  @Option(help: "The table format when the extension does not tell (csv or jsonl).")
  var format: TableFormat?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Skip per-class metrics above this many distinct labels (free text such as transcripts), 1 to 100000.",
      valueName: "n"))
  var maxClasses = 50

  func validate() throws {
    if higherIsBetter && scoreThreshold == nil {
      throw ValidationError("--higher-is-better needs --score-threshold.")
    }
    if let scoreThreshold, !scoreThreshold.isFinite {
      throw ValidationError("--score-threshold must be a finite number; got \(scoreThreshold).")
    }
    try OptionBounds.check(maxClasses, in: 1...100_000, option: "--max-classes")
  }

  /// Reads `--hlp` and builds the analysis options, auditing `groupColumns`.
  func analysisOptions(groupColumns: [String] = []) throws -> AnalysisOptions {
    AnalysisOptions(
      hlp: try hlp.map { try HLPTable.load(from: URL(fileURLWithPath: $0)) }, groupColumns: groupColumns,
      maxClasses: maxClasses)
  }

  var tableOptions: TableOptions {
    TableOptions(
      format: format,
      scoreRule: scoreThreshold.map {
        ScoreRule(threshold: $0, direction: higherIsBetter ? .higherIsBetter : .lowerIsBetter)
      },
      tagColumns: tagColumns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
  }
}

extension TableFormat: ExpressibleByArgument {}
