import ArgumentParser
import AugmentCore
import Foundation
import MediaIO

/// STOI of each `noisy-N.wav` against its `clean-N.wav`. Reading counts towards the files per second;
/// the metric call is also timed on its own.
struct STOIPairs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stoi", abstract: "STOI of noisy-N.wav against clean-N.wav for each pair in a folder.")

  @OptionGroup var folder: FolderOptions

  func run() throws {
    let cleanFiles = try folder.inputs(prefix: "clean-", extension: "wav")
    let run = try ParallelFiles.run(count: cleanFiles.count, jobs: folder.jobs) { index in
      let clean = try AudioFile.read(from: cleanFiles[index]).buffer
      let noisy = try AudioFile.read(from: pairedFile(cleanFiles[index], from: "clean-", to: "noisy-")).buffer
      let (_, milliseconds) = try ParallelFiles.timed {
        try STOI.compute(clean: clean.channels[0], processed: noisy.channels[0], sampleRate: clean.sampleRate)
      }
      return milliseconds
    }
    try Measurement(workload: "stoi", jobs: folder.jobs, files: cleanFiles.count, timing: run).report()
  }
}

/// SSIM of each `b-N.png` against its `a-N.png`, with scikit-image's Gaussian-weighted settings.
struct SSIMPairs: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssim", abstract: "SSIM of b-N.png against a-N.png for each pair in a folder.")

  @OptionGroup var folder: FolderOptions

  func run() throws {
    let firstFiles = try folder.inputs(prefix: "a-", extension: "png")
    let run = try ParallelFiles.run(count: firstFiles.count, jobs: folder.jobs) { index in
      let first = try PNGFile.read(from: firstFiles[index])
      let second = try PNGFile.read(from: pairedFile(firstFiles[index], from: "a-", to: "b-"))
      let (_, milliseconds) = try ParallelFiles.timed { try SSIM.score(first, second, threads: 1) }
      return milliseconds
    }
    try Measurement(workload: "ssim", jobs: folder.jobs, files: firstFiles.count, timing: run).report()
  }
}

/// The other file of a pair: the same name with its prefix swapped.
private func pairedFile(_ file: URL, from prefix: String, to otherPrefix: String) -> URL {
  file.deletingLastPathComponent().appendingPathComponent(
    otherPrefix + file.lastPathComponent.dropFirst(prefix.count))
}
