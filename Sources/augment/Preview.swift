import ArgumentParser
import AugmentPipeline
import Foundation

/// `augment preview DIR`: a page and a contact sheet to look at what a run made.
struct Preview: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write preview.html and preview.png into a run's output folder.",
    discussion: """
      preview.html opens with real members of the slice (the table's tagged rows) and the run's realism \
      figure, then shows every accepted pair as source, made sample and, when the realism gate recorded \
      one, the nearest real member (audio as players with spectrograms on time and frequency axes, images \
      as images), with the transforms, their parameters and every checklist value rounded to what they \
      mean; rejected candidates are remade from their records with their failed rules. Cards sort and \
      filter by any check or parameter. It opens from disk in any browser and fetches nothing: media are \
      referenced by relative paths, so keep the run and dataset folders where they are (or move them \
      together). preview.png is a contact sheet of a spread of the pairs, from the lowest to the highest \
      blind SNR or mean luminance, each row labelled. Spectrograms and remade rejected candidates are \
      written to preview/.

      A missing or unreadable media file is reported and shown as missing on its card; the exit status is \
      then 65. It is 66 when the folder is not a run's output, 73 when the preview cannot be written.
      """)

  @Argument(help: "The run's output folder (its --out).")
  var folder: String

  @Option(parsing: .unconditional, help: "Show at most this many accepted and this many rejected cards (default: all).")
  var pairs: Int?

  @Option(parsing: .unconditional, help: "Rows of the contact sheet preview.png, 0 to 50.")
  var sheet = 9

  @Option(parsing: .unconditional, help: "Real members of the slice shown at the top of the page, 0 to 1000.")
  var members = 12

  @Option(help: "The noise banks the run mixed from, to remake rejected candidates.")
  var noiseBanks: String = "noise-banks"

  @Option(help: "The impulse-response banks the run convolved with, to remake rejected candidates.")
  var rirBanks: String = "rir-banks"

  @Option(help: "The error-analysis table the run read, when it has moved since (default: run.json's dataset).")
  var dataset: String?

  @Flag(help: "Show sources that are absolute or outside the dataset folder, as the run's --allow-outside-paths.")
  var allowOutsidePaths = false

  func validate() throws {
    if let pairs { try OptionBounds.check(pairs, in: 0...Int.max, option: "--pairs") }
    try OptionBounds.check(sheet, in: 0...50, option: "--sheet")
    try OptionBounds.check(members, in: 0...1000, option: "--members")
  }

  func run() throws {
    let options = PreviewOptions(
      pairs: pairs, sheetRows: sheet, members: members, dataset: dataset.map { URL(fileURLWithPath: $0) },
      allowOutsidePaths: allowOutsidePaths, noiseBanks: URL(fileURLWithPath: noiseBanks),
      impulseResponseBanks: URL(fileURLWithPath: rirBanks))
    let result = try reportingErrors {
      try PreviewWriter.write(runFolder: URL(fileURLWithPath: folder), options: options)
    }
    for problem in result.problems {
      FileHandle.standardError.write(Data("warning: \(problem.path): \(problem.reason)\n".utf8))
    }
    print(
      "\(result.page.path): \(result.acceptedShown) of \(result.acceptedTotal) accepted pairs, "
        + "\(result.rejectedShown) of \(result.rejectedTotal) rejected candidates, "
        + "\(result.membersShown) of \(result.membersTotal) real members, \(result.spectrograms) spectrograms")
    if let sheet = result.contactSheet {
      print("\(sheet.path): contact sheet of \(result.contactSheetRows) pair\(result.contactSheetRows == 1 ? "" : "s")")
    }
    if !result.problems.isEmpty { throw ExitCode.dataError }
  }
}
