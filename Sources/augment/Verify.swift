import AugmentPipeline
import ArgumentParser
import Foundation

/// `augment verify DIR`: check every output of a run folder against its manifest line's size and SHA-256.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check every output a run folder's manifests list against its recorded size and SHA-256.",
    discussion: """
      Reads manifest.jsonl and every shard's manifest.shard-K-of-N.jsonl, reads each output file through, and \
      names each one that is missing or changed, and each manifest line that cannot be read. Files no manifest \
      line names are listed as a warning.

      Exit status: 0 when every output matches; 65 when any is missing or changed or a line cannot be read; \
      66 when the folder does not exist.
      """)

  @Argument(help: "The run folder.")
  var folder: String

  func run() throws {
    let result = try reportingErrors { try FolderVerification.verify(URL(fileURLWithPath: folder)) }
    for name in result.unlisted {
      FileHandle.standardError.write(Data("warning: \(folder)/\(name): no manifest line names it\n".utf8))
    }
    guard result.passed else {
      var lines = ["error: \(folder): \(result.problems.count) of \(result.checked) outputs do not match their manifest"]
      lines += result.problems.map { "  - \($0)" }
      lines += result.unreadableLines.map {
        "  - \($0): cannot be read; the outputs of this line and the lines after it were not checked"
      }
      FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      throw ExitCode.dataError
    }
    print("verified \(result.checked) outputs in \(folder): every size and SHA-256 matches its manifest line")
  }
}
