import ArgumentParser
import AugmentCore
import Foundation
import MediaIO

/// Single-core timings of the background-noise transform on clips held in memory: what the audio
/// transform overhead is made of, without the file system's variance.
///
/// Every clip is decoded and the noise folder's clips cached before the clock. Each round then times,
/// clip by clip, the P.56 active level on its own and the whole transform (drawing the parameters,
/// which measures the speech and the noise, and applying them to a fresh copy of the clip, as a file
/// just read would be). The median call of each is reported, over `--rounds` rounds of every clip.
struct AudioKernels: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audio-kernels", abstract: "Median single-core time per clip of the audio transform, in memory.")

  @Option(help: "The folder of WAV clips.")
  var input: String

  @Option(help: "The noise folder: one category folder of a noise bank, e.g. noise-banks/car.")
  var noise: String

  @Option(help: "Rounds over every clip.")
  var rounds = 5

  @Option(help: "How the SNR is measured: activeSpeech (augment's default, ITU-T P.56) or rms.")
  var snrDefinition: SNRDefinition = .activeSpeech

  func validate() throws {
    guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1.") }
  }

  func run() throws {
    let clips = try FolderOptions.files(in: input, extension: "wav").map { try AudioFile.read(from: $0).buffer }
    let category = URL(fileURLWithPath: noise).standardizedFileURL
    let bank = try NoiseBank(root: category.deletingLastPathComponent(), sampleRate: 16_000)
    let transform = try BackgroundNoise(
      bank: bank, category: category.lastPathComponent, snr: .uniform(3...15), definition: snrDefinition)
    for clip in bank.clips(in: category.lastPathComponent) { _ = try bank.samples(for: clip, sampleRate: 16_000) }

    var levelCalls: [Double] = [], transformCalls: [Double] = []
    let clock = ContinuousClock()
    let (start, cpuStart) = (clock.now, ProcessUsage.cpuSeconds())
    for _ in 0..<rounds {
      for (index, clip) in clips.enumerated() {
        levelCalls.append(ParallelFiles.timed { SpeechLevel.activeLevel(clip.channels[0], sampleRate: clip.sampleRate) }.1)
        // Handed over whole, as a file just read is: the transform may then mix into the clip's own storage.
        var fresh: AudioBuffer? = AudioBuffer(channels: clip.channels.map { $0.map { $0 } }, sampleRate: clip.sampleRate)
        var rng = Xoshiro256StarStar.forSample(seed: 0, index: index)
        transformCalls.append(
          try ParallelFiles.timed {
            let speech = fresh.take()!
            let parameters = try transform.sampleParameters(for: speech, using: &rng)
            return try transform.apply(parameters, to: consume speech)
          }.1)
      }
    }
    let (seconds, cpuSeconds) = ((clock.now - start).seconds, ProcessUsage.cpuSeconds() - cpuStart)
    for (name, calls) in [("audio-active-level", levelCalls), ("audio-transform", transformCalls)] {
      let timing = ParallelFiles.Timing(seconds: seconds, cpuSeconds: cpuSeconds, callMilliseconds: calls)
      try Measurement(workload: name, jobs: 1, files: calls.count, timing: timing).report()
    }
  }
}
