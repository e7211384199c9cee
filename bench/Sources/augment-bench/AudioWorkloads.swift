import ArgumentParser
import AugmentCore
import Foundation
import MediaIO

/// Read a WAV, add background noise from a noise folder at a drawn SNR, write PCM16 WAV.
struct AudioEndToEnd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audio-e2e", abstract: "Read WAV → background noise at a drawn SNR → write PCM16 WAV.")

  @OptionGroup var folder: FolderOptions

  @Option(help: "The noise folder: one category folder of a noise bank, e.g. noise-banks/car.")
  var noise: String

  @Option(help: "The lowest SNR drawn, in dB.")
  var minSNR: Double = 3

  @Option(help: "The highest SNR drawn, in dB.")
  var maxSNR: Double = 15

  @Option(help: "The seed each file's random stream derives from.")
  var seed: UInt64 = 0

  @Option(help: "How the SNR is measured: activeSpeech (augment's default, ITU-T P.56) or rms (as audiomentations does).")
  var snrDefinition: SNRDefinition = .activeSpeech

  func run() throws {
    let inputs = try folder.inputs(extension: "wav")
    let out = try folder.outputFolder()
    let category = URL(fileURLWithPath: noise).standardizedFileURL
    let (minSNR, maxSNR, seed) = (minSNR, maxSNR, seed)
    let bank = try NoiseBank(root: category.deletingLastPathComponent(), sampleRate: 16_000)
    let transform = try BackgroundNoise(
      bank: bank, category: category.lastPathComponent, snr: .uniform(minSNR...maxSNR), definition: snrDefinition)
    // Decoding (and resampling) the noise clips is start-up work the bank does once per run.
    for clip in bank.clips(in: category.lastPathComponent) { _ = try bank.samples(for: clip, sampleRate: 16_000) }
    let run = try ParallelFiles.run(count: inputs.count, jobs: folder.jobs) { index in
      let speech = try AudioFile.read(from: inputs[index]).buffer
      var rng = Xoshiro256StarStar.forSample(seed: seed, index: index)
      let parameters = try transform.sampleParameters(for: speech, using: &rng)
      let noisy = try transform.apply(parameters, to: speech)
      try AudioFile.write(noisy, to: out.appendingPathComponent(inputs[index].lastPathComponent), as: .wavPCM16)
      return nil
    }
    try Measurement(workload: "audio-e2e", jobs: folder.jobs, files: inputs.count, timing: run).report()
  }
}

extension SNRDefinition: @retroactive ExpressibleByArgument {}

/// Read a WAV and write it back as PCM16 WAV: the decode and encode cost with no transform.
struct AudioIO: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audio-io", abstract: "Read WAV → write PCM16 WAV, no transform.")

  @OptionGroup var folder: FolderOptions

  func run() throws {
    let inputs = try folder.inputs(extension: "wav")
    let out = try folder.outputFolder()
    let run = try ParallelFiles.run(count: inputs.count, jobs: folder.jobs) { index in
      let speech = try AudioFile.read(from: inputs[index]).buffer
      try AudioFile.write(speech, to: out.appendingPathComponent(inputs[index].lastPathComponent), as: .wavPCM16)
      return nil
    }
    try Measurement(workload: "audio-io", jobs: folder.jobs, files: inputs.count, timing: run).report()
  }
}
