import ArgumentParser
import AugmentAnalysis
import Foundation

/// `augment analyze`: turns an error-analysis table into per-slice figures ranked by potential gain.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure each tagged slice of an error-analysis table and rank the slices by potential gain.",
    discussion: """
      TABLE is CSV (with a header row) or JSON Lines, one row per example, or a dataset folder (class folders, \
      split folders, or Hugging Face metadata.csv/metadata.jsonl) whose predictions and tags come from \
      --predictions. Columns: label (required), \
      prediction (required unless --score-threshold is given), score, id, path, human_label (or human), \
      human_score, weight, and tags (separated by ';'). Any other column whose values are all 0/1, true/false, \
      yes/no or empty is a tag column named by its header (or name them with --tag-columns); the rest can be \
      audited with --by.

      Potential gain = (HLP accuracy - accuracy) x share of data. HLP comes from --hlp (a CSV with columns \
      tag,human_accuracy; values as fractions like 0.95 or percents like 95 or 95%), or else from human labels \
      in the table.

      Exit status: 0 on success, 64 for a usage error, 65 when an input file is malformed (the message names \
      the file and line), 66 when it cannot be read.
      """,
    aliases: ["analyse"])

  @Argument(help: "The error-analysis table (.csv or .jsonl), or a dataset folder.")
  var table: String

  @Option(help: "With a dataset folder: a CSV or JSONL of predictions and tags joined on file_name or id.")
  var predictions: String?

  @OptionGroup var tableArguments: TableArguments

  @Option(
    help: ArgumentHelp(
      "Audit the groups of a descriptive column such as gender or device (repeatable).", valueName: "column"))
  var by: [String] = []

  @Flag(help: "Print the report as JSON (for `augment plan`) instead of tables.")
  var json = false

  func run() throws {
    try reportingErrors {
      let url = URL(fileURLWithPath: table)
      var isFolder: ObjCBool = false
      let folder = FileManager.default.fileExists(atPath: table, isDirectory: &isFolder) && isFolder.boolValue
      if predictions != nil && !folder {
        throw ValidationError("--predictions joins predictions to a dataset folder; a table holds its own.")
      }
      let errorTable =
        folder
        ? try FolderDataset.load(
          from: url, predictions: predictions.map { URL(fileURLWithPath: $0) }, options: tableArguments.tableOptions)
        : try ErrorTable.load(from: url, options: tableArguments.tableOptions)
      let report = try AnalysisReport(table: errorTable, options: try tableArguments.analysisOptions(groupColumns: by))
      if json {
        FileHandle.standardOutput.write(try report.jsonData())
      } else {
        print(ReportFormatter.format(report), terminator: "")
      }
    }
  }
}
