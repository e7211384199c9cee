import ArgumentParser
import AugmentCore
import Foundation
import MediaIO

/// Read a PNG, adjust brightness and contrast, blur, write a PNG: albumentations' defaults for both
/// transforms (`RandomBrightnessContrast`: ±0.2 each, contrast about black; `GaussianBlur`: σ in 0.5…3).
struct ImageEndToEnd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "image-e2e", abstract: "Read PNG → brightness/contrast → Gaussian blur → write PNG.")

  @OptionGroup var folder: FolderOptions

  @Option(help: "Compression level of the written PNGs (0…9, zlib's scale).")
  var compressionLevel = PNGFile.defaultCompressionLevel

  @Option(help: "The seed each file's random stream derives from.")
  var seed: UInt64 = 0

  func run() throws {
    let inputs = try folder.inputs(extension: "png")
    let out = try folder.outputFolder()
    let (level, seed) = (compressionLevel, seed)
    let brightnessContrast = BrightnessContrast(brightness: -0.2...0.2, contrast: -0.2...0.2, pivot: .zero)
    let blur = GaussianBlur(sigma: .uniform(0.5...3.0))
    let run = try ParallelFiles.run(count: inputs.count, jobs: folder.jobs) { index in
      let image = try PNGFile.read(from: inputs[index])
      var rng = Xoshiro256StarStar.forSample(seed: seed, index: index)
      let adjusted = try brightnessContrast.apply(brightnessContrast.sampleParameters(for: image, using: &rng), to: image)
      let blurred = try blur.apply(blur.sampleParameters(for: adjusted, using: &rng), to: adjusted)
      try PNGFile.write(blurred, to: out.appendingPathComponent(inputs[index].lastPathComponent), compressionLevel: level)
      return nil
    }
    var measurement = Measurement(workload: "image-e2e", jobs: folder.jobs, files: inputs.count, timing: run)
    try measurement.measureOutputs(inputs.map { out.appendingPathComponent($0.lastPathComponent) })
    try measurement.report()
  }
}

/// Read a PNG and write it back: the decode and encode cost with no transform.
struct ImageIO: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "image-io", abstract: "Read PNG → write PNG, no transform.")

  @OptionGroup var folder: FolderOptions

  @Option(help: "Compression level of the written PNGs (0…9, zlib's scale).")
  var compressionLevel = PNGFile.defaultCompressionLevel

  func run() throws {
    let inputs = try folder.inputs(extension: "png")
    let out = try folder.outputFolder()
    let level = compressionLevel
    let run = try ParallelFiles.run(count: inputs.count, jobs: folder.jobs) { index in
      let image = try PNGFile.read(from: inputs[index])
      try PNGFile.write(image, to: out.appendingPathComponent(inputs[index].lastPathComponent), compressionLevel: level)
      return nil
    }
    var measurement = Measurement(workload: "image-io", jobs: folder.jobs, files: inputs.count, timing: run)
    try measurement.measureOutputs(inputs.map { out.appendingPathComponent($0.lastPathComponent) })
    try measurement.report()
  }
}
