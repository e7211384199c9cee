import AugmentCore
import Foundation
import MediaIO

@testable import AugmentPipeline

/// A run folder made by hand in a temporary directory, written with the run's own types: a dataset folder with
/// a table and three sources, the run's media, `run.json` (naming the table relative to the run folder, as runs
/// do), `manifest.jsonl`, `rejected.jsonl` and `summary.json`. Removed when released.
final class PreviewFixture {
  enum Modality { case audio, image }

  let root: URL
  /// `<root>/data set/`, holding `table.csv` and the sources under `clips/`.
  let datasetFolder: URL
  let table: URL
  /// `<root>/augmented/<slice>/`.
  let runFolder: URL
  let slice: String
  let accepted: [ManifestRecord]
  let rejected: [RejectionRecord]

  /// Source paths as the table writes them; a space and an ampersand test escaping and percent-encoding.
  static let audioSources = ["clips/tone 1k.wav", "clips/tone-440&48k.wav", "clips/sweep.wav"]
  static let imageSources = ["clips/wide rgb.png", "clips/gray&square.png", "clips/tall-rgba.png"]
  /// A label with markup characters, which the page must escape.
  static let trickyLabel = "<b>yes</b> & \"no\""
  static let seed: UInt64 = 42

  init(_ modality: Modality) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("augment-preview-\(UUID().uuidString)")
    datasetFolder = root.appendingPathComponent("data set")
    table = datasetFolder.appendingPathComponent("table.csv")
    slice = modality == .audio ? "car-noise" : "dark-background"
    runFolder = root.appendingPathComponent("augmented").appendingPathComponent(slice)
    try FileManager.default.createDirectory(
      at: datasetFolder.appendingPathComponent("clips"), withIntermediateDirectories: true)
    let sources = modality == .audio ? Self.audioSources : Self.imageSources
    let fileExtension = modality == .audio ? "wav" : "png"
    try Self.writeTable(sources, to: table)

    let folder = OutputFolder(url: runFolder, shard: nil)
    let identity = RunIdentity(
      slice: slice, count: sources.count, seed: Self.seed, recipeHash: "0123abcd", dataset: "../../data set/table.csv",
      shard: nil)
    _ = try folder.open(for: identity, resume: false)

    var accepted: [ManifestRecord] = []
    // Samples 0, 1 and 2 from sources 0, 1 and 2; sample 1 was accepted on its second attempt, and
    // sample 3's source could not be read.
    for (index, source) in sources.enumerated() {
      let sourceURL = datasetFolder.appendingPathComponent(source)
      let id = "\(slice)-\(String(format: "%06d", index))"
      let output = "\(id).\(fileExtension)"
      if modality == .audio {
        let clean = Self.audio(index)
        try AudioFile.write(clean, to: sourceURL)
        try AudioFile.write(Self.noisy(clean, seed: UInt64(index)), to: runFolder.appendingPathComponent(output))
      } else {
        let picture = Self.image(index)
        try PNGFile.write(picture, to: sourceURL)
        try PNGFile.write(Self.darkened(picture), to: runFolder.appendingPathComponent(output))
      }
      let digest = try FileDigest(of: runFolder.appendingPathComponent(output))
      accepted.append(
        ManifestRecord(
          id: id, index: index, attempt: index == 1 ? 1 : 0, seed: Self.seed, slice: slice, source: source,
          sourceID: "row-\(index)", output: output, sha256: digest.sha256, size: digest.size,
          label: index == 0 ? Self.trickyLabel : "label-\(index)",
          transforms: try Self.transforms(index), checks: Self.checks(passing: true), toolVersion: ToolVersion.current,
          recipeHash: "0123abcd"))
    }
    let rejected = [
      RejectionRecord(
        index: 1, attempt: 0, source: sources[1], failed: ["stoi"], reason: "STOI 0.41 is below 0.6: <unclear> speech",
        transforms: [try Self.registeredTransform(modality)], checks: Self.checks(passing: false)),
      RejectionRecord(
        index: 3, attempt: 0, source: "clips/unreadable.\(fileExtension)", failed: ["unreadable-source"],
        reason: "clips/unreadable.\(fileExtension): no such file", transforms: [], checks: [:]),
    ]
    try folder.append(accepted, to: folder.manifestURL)
    try folder.append(rejected, to: folder.rejectedURL)
    try folder.writeSummary(
      RunSummary(
        slice: slice, seed: Self.seed, shard: nil, requested: 4, made: 3, madeNow: 3, resumed: false,
        rejectedByRule: ["stoi": 1],
        skippedSources: [.init(source: "clips/unreadable.\(fileExtension)", reason: "no such file", times: 1, unreadable: true)],
        failedIndices: [3], interrupted: false, seconds: 1.5, samplesPerSecond: 2, notes: ["realism from recipe"]))
    self.accepted = accepted
    self.rejected = rejected
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Source 0 is a 1 kHz tone at 16 kHz, source 1 a stereo 440 Hz tone at 48 kHz, source 2 a rising sweep.
  static func audio(_ index: Int) -> AudioBuffer {
    switch index {
    case 0: return AudioBuffer(mono: tone(hertz: 1000, rate: 16_000, seconds: 1), sampleRate: 16_000)
    case 1:
      let tone = tone(hertz: 440, rate: 48_000, seconds: 0.5)
      return AudioBuffer(channels: [tone, tone], sampleRate: 48_000)
    default:
      let rate = 16_000.0
      let sweep = (0..<12_000).map { n -> Float in
        let t = Double(n) / rate
        return Float(0.4 * sin(2 * Double.pi * (200 * t + 2_000 * t * t)))
      }
      return AudioBuffer(mono: sweep, sampleRate: 16_000)
    }
  }

  static func tone(hertz: Double, rate: Int, seconds: Double) -> [Float] {
    (0..<Int(Double(rate) * seconds)).map { Float(0.5 * sin(2 * Double.pi * hertz * Double($0) / Double(rate))) }
  }

  /// The clip with seeded white noise added, as a stand-in for a mixed noise bank clip.
  static func noisy(_ audio: AudioBuffer, seed: UInt64) -> AudioBuffer {
    var rng = Xoshiro256StarStar.forSample(seed: seed, index: 0, attempt: 0)
    let channels = audio.channels.map { channel in channel.map { $0 * 0.7 + Float.random(in: -0.1...0.1, using: &rng) }
    }
    return AudioBuffer(channels: channels, sampleRate: audio.sampleRate)
  }

  /// Three layouts and aspect ratios: 60×30 RGB, 40×40 gray, 20×50 RGBA.
  static func image(_ index: Int) -> Image {
    let (width, height, layout): (Int, Int, Image.Layout) =
      switch index {
      case 0: (60, 30, .rgb)
      case 1: (40, 40, .gray)
      default: (20, 50, .rgba)
      }
    var picture = Image(width: width, height: height, layout: layout, filledWith: 0)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<layout.channelCount {
          picture[x, y, c] = layout.hasAlpha && c == 3 ? 1 : Float((x * 7 + y * 3 + c * 50) % 256) / 255
        }
      }
    }
    return picture
  }

  static func darkened(_ picture: Image) -> Image {
    var dark = picture
    for i in dark.pixels.indices where !(dark.layout.hasAlpha && i % dark.channelCount == dark.channelCount - 1) {
      dark.pixels[i] *= 0.4
    }
    return dark
  }

  struct NoiseParameters: Codable {
    var snrDB: Double
    var noise: String
    var offsets: [Int]
    enum CodingKeys: String, CodingKey {
      case snrDB = "snr_db"
      case noise, offsets
    }
  }

  struct GainParameters: Codable { var gain: Double }

  static func transforms(_ index: Int) throws -> [AppliedTransform] {
    [
      try AppliedTransform(
        name: "add-noise",
        parameters: NoiseParameters(
          snrDB: 7.123456789012 + Double(index), noise: "car/road <1>.wav", offsets: [0, 1600])),
      try AppliedTransform(name: "gain", parameters: GainParameters(gain: -3)),
    ]
  }

  /// A transform the registry knows, so the preview can remake the rejected candidate: a 0.5 gamma for
  /// images, a gain of 0.5 for audio.
  static func registeredTransform(_ modality: Modality) throws -> AppliedTransform {
    switch modality {
    case .image: try AppliedTransform(name: "gamma", parameters: Gamma.Parameters(gamma: 0.5))
    case .audio: try AppliedTransform(name: "loudness", parameters: LoudnessParameters())
    }
  }

  /// The fields of ``LoudnessNormalization/Parameters``, whose initialiser is the module's own.
  struct LoudnessParameters: Codable {
    var targetLUFS = -29.0
    var measuredLUFS = -23.0
    var gain = 0.5
    var peakLimited = false
  }

  static func checks(passing: Bool) -> [String: Verdict] {
    let stoi = Verdict(
      rule: "stoi", kind: .clarity, value: passing ? 0.8765432109876 : 0.41, minimum: 0.6, what: "STOI",
      failure: "speech no longer clearly intelligible")
    let snr = Verdict(
      rule: "blind-snr", kind: .realism, value: 9.5, minimum: 0, maximum: 20, what: "blind SNR",
      failure: "too unlike real car noise")
    return [stoi.rule: stoi, snr.rule: snr]
  }

  private static func writeTable(_ sources: [String], to url: URL) throws {
    var csv = "id,path,label,prediction,car-noise\n"
    for (index, source) in sources.enumerated() { csv += "row-\(index),\(source),label-\(index),label-\(index),0\n" }
    try Data(csv.utf8).write(to: url)
  }
}
