import AugmentPipeline
import Dispatch
import Foundation
import MediaIO
import Testing

/// Media files that lie, end to end: each bad file is refused by name with its own reason, the run
/// goes on with the rest, and unreadable sources and noise clips both end it with status 65.
@Suite(.serialized) struct HostileMediaTests {
  /// A clean one-second tone written as a 16-bit WAV whose header then claims `rate` Hz: the sample-rate
  /// field (bytes 24–27 of libsndfile's 44-byte header) and the byte rate after it.
  static func wav(claimingRate rate: UInt32, at path: String) throws {
    let tone = (0..<16_000).map { Float(0.25 * sin(Double($0) * 0.05)) }
    let url = URL(fileURLWithPath: path)
    try AudioFile.write(AudioBuffer(mono: tone, sampleRate: 16_000), to: url)
    var bytes = try Data(contentsOf: url)
    bytes.replaceSubrange(24..<28, with: withUnsafeBytes(of: rate.littleEndian) { Data($0) })
    let byteRate = UInt32(truncatingIfNeeded: UInt64(rate) * 2)
    bytes.replaceSubrange(28..<32, with: withUnsafeBytes(of: byteRate.littleEndian) { Data($0) })
    try bytes.write(to: url)
  }

  /// A float WAV of the shipped source `name` with NaN and +∞ written into frames 1000 and 2000.
  static func wavWithNaN(from name: String, at path: String) throws {
    var speech = try AudioFile.read(from: URL(fileURLWithPath: AugmentCLI.sample(name))).buffer
    speech.channels[0][1_000] = .nan
    speech.channels[0][2_000] = .infinity
    try AudioFile.write(speech, to: URL(fileURLWithPath: path), as: .wavFloat32)
  }

  /// A dataset of twelve clean sources, up to four `extraSources` made by `make` into `clips/`, and three real
  /// car-noise members (plus a member holding NaN when `nanMember`).
  static func dataset(
    in folder: TemporaryFolder, extraSources: [String] = [], nanMember: Bool = false,
    make: (String, String) throws -> Void = { _, _ in }
  ) throws -> String {
    let files = FileManager.default
    let root = folder.url.appendingPathComponent("data")
    try files.createDirectory(at: root.appendingPathComponent("clips"), withIntermediateDirectories: true)
    var rows = ["id,path,label,prediction,human_label,tags"]
    // Three clean sources to each extra one: the four sources one sample index may try (the next ones of
    // its label in the run's seeded schedule) are then seldom all extra ones, and with seed 0 never.
    for (index, name) in (1...12).map({ String(format: "s%03d", $0) }).enumerated() {
      try files.copyItem(atPath: AugmentCLI.sample("speech/clean/\(name).wav"), toPath: root.path + "/clips/\(name).wav")
      rows.append("\(name),clips/\(name).wav,hello,hello,hello,")
      guard index < extraSources.count else { continue }
      let extra = extraSources[index]
      try make(extra, root.path + "/clips/\(extra)")
      rows.append("\(extra),clips/\(extra),hello,hello,hello,")
    }
    for (index, name) in ["car-01.wav", "car-02.wav", "car-03.wav"].enumerated() {
      try files.copyItem(atPath: AugmentCLI.sample("speech/slices/\(name)"), toPath: root.path + "/clips/\(name)")
      rows.append("m\(index),clips/\(name),hello,\(index == 0 ? "hello" : "yellow"),hello,car-noise")
    }
    if nanMember {
      try wavWithNaN(from: "speech/slices/car-04.wav", at: root.path + "/clips/car-nan.wav")
      rows.append("m3,clips/car-nan.wav,hello,yellow,hello,car-noise")
    }
    let table = root.appendingPathComponent("errors.csv")
    try Data(rows.joined(separator: "\n").utf8).write(to: table)
    return table.path
  }

  /// A noise bank holding the shipped car clips and whatever `add` writes into its `car/` folder.
  static func bank(in folder: TemporaryFolder, add: (String) throws -> Void) throws -> String {
    let root = folder.path("bank")
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: AugmentCLI.noiseBanks + "/car", toPath: root + "/car")
    try add(root + "/car")
    return root
  }

  static func summary(_ out: String) throws -> RunSummary {
    try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
  }

  /// Sources with NaN samples, with 2 147 483 647 Hz, 67 124 864 Hz (16 kHz with a bit flipped) and 1 Hz
  /// in their headers, and a real member holding NaN: once a crash, an abort, a hang and a message
  /// blaming a noise clip. Now each is skipped by name for its own reason and every sample is made. Sixteen
  /// samples start once from each of the sixteen sources, so every lying one is met.
  @Test func lyingSourcesAreSkippedAndTheRunGoesOn() throws {
    let folder = try TemporaryFolder()
    let rates: [String: UInt32] = ["max-rate.wav": 2_147_483_647, "flipped-rate.wav": 67_124_864, "one-hz.wav": 1]
    let sources = ["nan.wav"] + rates.keys.sorted()
    let table = try Self.dataset(in: folder, extraSources: sources, nanMember: true) { name, path in
      if let rate = rates[name] {
        try Self.wav(claimingRate: rate, at: path)
      } else {
        try Self.wavWithNaN(from: "speech/clean/s005.wav", at: path)
      }
    }
    let out = folder.path("out")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "16", "--dataset", table, "--noise-banks", AugmentCLI.noiseBanks, "--out", out])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stdout.contains("made 16 of 16"), "\(result.stdout)")
    #expect(result.stderr.contains("real car-noise member skipped: "))
    #expect(result.stderr.contains("car-nan.wav: 2 samples are NaN or infinite"))
    let skipped = Dictionary(uniqueKeysWithValues: try Self.summary(out).skippedSources.map { ($0.source, $0) })
    #expect(skipped.keys.sorted() == ["flipped-rate.wav", "max-rate.wav", "nan.wav", "one-hz.wav"].map { "clips/" + $0 })
    #expect(skipped.values.allSatisfy { $0.unreadable })
    #expect(skipped["clips/nan.wav"]?.reason.contains("2 samples are NaN or infinite, the first in frame 1000") == true)
    for (name, rate) in rates {
      let reason = skipped["clips/\(name)"]?.reason ?? ""
      #expect(reason.contains("clips/\(name): sample rate \(rate) Hz is outside the accepted 1000…384000 Hz"), "\(reason)")
    }
    // No noise clip is blamed for what the sources did.
    #expect(!(result.stdout + result.stderr).contains(AugmentCLI.noiseBanks), "\(result.stdout)\n\(result.stderr)")
    #expect(!result.stdout.contains("unreadable noise clip"))
  }

  /// Unreadable noise clips (text named .wav, a 1 Hz header) are named in the terminal and in
  /// summary.json, and the run ends with 65, as it does for an unreadable source
  /// (`DatasetSafetyTests.corruptSourceIsReportedAndTheRunCompletes`).
  @Test func unreadableNoiseClipsAreReportedAndGiveStatus65() throws {
    let folder = try TemporaryFolder()
    let table = try Self.dataset(in: folder)
    let bank = try Self.bank(in: folder) { car in
      try Data("not audio\n".utf8).write(to: URL(fileURLWithPath: car + "/broken.wav"))
      try Self.wav(claimingRate: 1, at: car + "/slow.wav")
    }
    let out = folder.path("out")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "4", "--dataset", table, "--noise-banks", bank, "--out", out])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stdout.contains("made 4 of 4"))
    let unreadable = try Self.summary(out).unreadableNoiseClips ?? []
    #expect(unreadable.map(\.path) == [bank + "/car/broken.wav", bank + "/car/slow.wav"])
    #expect(unreadable[1].reason.contains("sample rate 1 Hz is outside"))
    for clip in unreadable {
      #expect(result.stdout.contains("unreadable noise clip: \(clip.path): "))
    }
  }

  /// A category whose only clip holds NaN: every candidate fails naming that clip and its NaN samples,
  /// not calling it silent; the run ends with 65 instead of crashing.
  @Test func noiseClipWithNaNIsNamedNotCalledSilent() throws {
    let folder = try TemporaryFolder()
    let table = try Self.dataset(in: folder)
    let bank = folder.path("bank")
    try FileManager.default.createDirectory(atPath: bank + "/car", withIntermediateDirectories: true)
    try Self.wavWithNaN(from: "speech/clean/s005.wav", at: bank + "/car/nan.wav")
    let out = folder.path("out")
    let result = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "2", "--dataset", table, "--noise-banks", bank, "--out", out])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stdout.contains("made 0 of 2"))
    #expect(result.stdout.contains("unreadable noise clip: \(bank)/car/nan.wav: 2 samples are NaN or infinite"))
    let rejected = try String(contentsOfFile: out + "/rejected.jsonl", encoding: .utf8)
    #expect(rejected.contains("nan.wav: 2 samples are NaN or infinite") && !rejected.contains("silent"))
  }

  /// Runs `augment` with a deadline: a run still going after 60 s is stopped and shows as status 15.
  static func runWithDeadline(_ arguments: [String]) throws -> AugmentCLI.Output {
    let process = try AugmentCLI.start(arguments)
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return AugmentCLI.Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// `augment info` on a FLAC that is only its header (it claims 1.815 s), a named pipe, a symlink loop
  /// and a good file: the good one is listed, each other is reported by name for what it is, with 65.
  @Test func infoReportsWhatEachBadFileIs() throws {
    let folder = try TemporaryFolder()
    let tone = (0..<29_040).map { Float(0.25 * sin(Double($0) * 0.05)) }
    let good = folder.path("good.flac")
    try AudioFile.write(AudioBuffer(mono: tone, sampleRate: 16_000), to: URL(fileURLWithPath: good))
    // fLaC and the 38-byte STREAMINFO block, marked as the last metadata block: no audio frame follows.
    var header = try Data(contentsOf: URL(fileURLWithPath: good)).prefix(42)
    header[4] |= 0x80
    let headerOnly = folder.path("header-only.flac")
    try header.write(to: URL(fileURLWithPath: headerOnly))
    let pipe = folder.path("pipe.wav")
    #expect(mkfifo(pipe, 0o600) == 0)
    let loop = folder.path("loop.wav")
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
    let result = try Self.runWithDeadline(["info", good, headerOnly, pipe, loop])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stdout == "\(good)\tflac/pcm16\t16000 Hz\t1 ch\t29040 frames\t1.815 s\n")
    let errors = result.stderr.split(separator: "\n").map(String.init)
    #expect(errors == [
      "error: \(headerOnly): truncated (the header promises 29040 frames, and the last cannot be decoded). "
        + "The file was cut short; copy or export it again.",
      "error: \(pipe): a named pipe (FIFO), not a regular file. Point to the media file itself.",
      "error: \(loop): symbolic link loop (following its links leads back to one already followed). "
        + "Fix or remove the links.",
    ])
  }
}
