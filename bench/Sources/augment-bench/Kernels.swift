import ArgumentParser
import AugmentCore
import Foundation
import MediaIO

/// Single-core timings of the image kernels and the PNG codec on one image held in memory.
///
/// Each kernel runs `--iterations` times after one warm-up call; the median call is reported.
/// σ = 1.75 is the midpoint of albumentations' default `GaussianBlur` range (0.5…3); brightness
/// +0.1 and contrast +0.1 (gain 1.1) are inside `RandomBrightnessContrast`'s default ±0.2.
struct Kernels: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernels", abstract: "Median single-core time of each image kernel on one in-memory image.")

  @Option(help: "The PNG the kernels run on.")
  var image: String

  @Option(help: "Where the PNG encode kernel writes its file.")
  var out: String

  @Option(help: "Calls per kernel.")
  var iterations = 200

  static let sigma = 1.75

  func run() throws {
    let source = URL(fileURLWithPath: image)
    let input = try PNGFile.read(from: source)
    let output = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let encoded = output.appendingPathComponent("kernel-encode.png")
    let blur = GaussianBlur(threads: 1)
    let brightnessContrast = BrightnessContrast(threads: 1)
    let kernels: [(String, () throws -> Void)] = [
      ("gaussian-blur", { _ = try blur.apply(.init(sigma: Self.sigma), to: input) }),
      (
        "brightness-contrast",
        { _ = try brightnessContrast.apply(.init(brightness: 0.1, contrast: 0.1, pivot: .zero), to: input) }
      ),
      ("png-decode", { _ = try PNGFile.read(from: source) }),
      ("png-encode", { try PNGFile.write(input, to: encoded, compressionLevel: PNGFile.defaultCompressionLevel) }),
    ]
    for (name, kernel) in kernels {
      try kernel()
      var durations: [Double] = []
      let clock = ContinuousClock()
      let (start, cpuStart) = (clock.now, ProcessUsage.cpuSeconds())
      for _ in 0..<iterations { durations.append(try ParallelFiles.timed(kernel).1) }
      let timing = ParallelFiles.Timing(
        seconds: (clock.now - start).seconds, cpuSeconds: ProcessUsage.cpuSeconds() - cpuStart,
        callMilliseconds: durations)
      try Measurement(workload: "kernel-" + name, jobs: 1, files: iterations, timing: timing).report()
    }
  }
}
