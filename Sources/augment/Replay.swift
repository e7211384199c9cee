import AugmentPipeline
import ArgumentParser
import Foundation

/// `augment replay DIR --out DIR2`: remake a run's samples from their manifest records and check them.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Remake every sample of a run folder from its manifest records and sources, and compare the bytes.",
    discussion: """
      Reads DIR's run.json and manifests, finds each sample's source in the dataset run.json records, applies \
      the recorded transforms with their recorded parameters (nothing is drawn), and writes each sample under \
      its own name and format into --out, with a manifest.jsonl of the replayed lines. Each file is then \
      compared with the size and SHA-256 its manifest line records.

      Exit status: 0 when every sample is remade byte-identical; 65 when any differs or cannot be remade (each \
      is named, a missing source among them) or --out is the run folder; 66 when DIR, its run.json, the noise \
      banks, the impulse-response banks or the --id sample are missing; 73 when --out cannot be written.
      """)

  @Argument(help: "The run folder.")
  var folder: String

  @Option(help: "The folder to write the remade samples to (not the run folder).")
  var out: String

  @Option(help: "The folder of noise-bank categories the run mixed from.")
  var noiseBanks: String = "noise-banks"

  @Option(help: "The folder of impulse-response categories the run convolved with.")
  var rirBanks: String = "rir-banks"

  @Option(help: "The folder the table's media paths are relative to. Default: the run's, as run.json records it.")
  var mediaRoot: String?

  @Option(help: "Replay only the sample with this id (one manifest line).")
  var id: String?

  @Flag(help: "Accept absolute paths and paths that leave the dataset's folder.")
  var allowOutsidePaths = false

  func run() throws {
    let replay = RunReplay(
      folder: URL(fileURLWithPath: folder), output: URL(fileURLWithPath: out),
      noiseBanks: URL(fileURLWithPath: noiseBanks), impulseResponseBanks: URL(fileURLWithPath: rirBanks),
      mediaRoot: mediaRoot.map { URL(fileURLWithPath: $0) },
      allowOutsidePaths: allowOutsidePaths, sampleID: id)
    let result = try reportingErrors { try replay.run() }
    guard result.passed else {
      let lines = ["error: \(folder): \(result.problems.count) samples are not remade byte-identical"]
        + result.problems.map { "  - \($0)" }
      FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
      throw ExitCode.dataError
    }
    print("replayed \(result.replayed) samples into \(out): every file matches its manifest's size and SHA-256")
  }
}
