import AugmentPipeline
import Foundation
import MediaIO
import Testing

/// Slice runs on JPEG sources, through the command line: outputs are JPEGs at their sources' quality, read
/// back by libjpeg-turbo (through MediaIO) and by Pillow (Reference/decode_with_pillow.py).
@Suite(.serialized) struct JPEGRunTests {
  static let quality = 85

  /// The shipped image table with every photo stored as a JPEG at quality 85, every third one grayscale.
  static func jpegDataset(in folder: TemporaryFolder) throws -> String {
    let images = folder.url.appendingPathComponent("data/images")
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: AugmentCLI.sample("images")) where name.hasSuffix(".png") {
      let photo = try PNGFile.read(from: URL(fileURLWithPath: AugmentCLI.sample("images/\(name)")))
      let number = Int(name.dropFirst(3).prefix(3)) ?? 0
      let stored = number % 3 == 0 ? luma(photo) : photo
      let jpeg = images.appendingPathComponent(name.replacingOccurrences(of: ".png", with: ".jpg"))
      try ImageFile.write(stored, to: jpeg, as: .jpeg(quality: quality))
    }
    let table = try String(contentsOfFile: AugmentCLI.sample("errors-images.csv"), encoding: .utf8)
    let path = folder.path("data/errors-images.csv")
    try table.replacingOccurrences(of: ".png,", with: ".jpg,").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func luma(_ rgb: Image) -> Image {
    let gray = stride(from: 0, to: rgb.pixels.count, by: 3).map { (i: Int) -> Float in
      let red: Float = 0.299 * rgb.pixels[i], green: Float = 0.587 * rgb.pixels[i + 1]
      return red + green + 0.114 * rgb.pixels[i + 2]
    }
    return Image(width: rgb.width, height: rgb.height, layout: .gray, bitDepth: .eight, pixels: gray)
  }

  /// What Pillow makes of each file: its JSON line and its decoded bytes.
  static func decodeWithPillow(_ files: [URL], into folder: URL) throws -> [(info: [String: String], bytes: [UInt8])]? {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/decode_with_pillow.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, folder.path] + files.map(\.path)
    let result = try AugmentCLI.capture(process)
    guard result.status == 0 else {
      Issue.record("the second decoder could not run (python3 with Pillow is needed: pip install pillow): \(result.stderr)")
      return nil
    }
    let lines = Data(result.stdout.utf8).split(separator: 0x0A)
    return try zip(lines, files).map { line, file in
      let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
      let info = object.mapValues { "\($0)" }
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file.lastPathComponent + ".raw")))
      return (info, bytes)
    }
  }

  @Test func imageSliceOnJPEGSourcesWritesJPEGsAtTheirQuality() throws {
    let folder = try TemporaryFolder()
    let dataset = try Self.jpegDataset(in: folder)
    let out = folder.path("dark")
    let result = try AugmentCLI.run(["--slice", "dark-background", "--count", "6", "--dataset", dataset, "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try SliceRunTests.manifest(out)
    #expect(records.count == 6)
    let outputs = records.map { URL(fileURLWithPath: out).appendingPathComponent($0.output) }
    #expect(records.allSatisfy { $0.output.hasSuffix(".jpg") })
    var layouts: Set<Image.Layout> = []
    var ours: [Image] = []
    for (record, output) in zip(records, outputs) {
      #expect(try MediaFormat.detect(at: output) == .jpeg)
      let decoded = try ImageFile.read(from: output)
      let source = try ImageFile.read(from: URL(fileURLWithPath: folder.path("data/\(record.source)")))
      #expect(decoded.encoding == .jpeg(quality: Self.quality), "\(record.output) keeps its source's quality")
      #expect(decoded.image.layout == source.image.layout && decoded.image.width == source.image.width)
      // Darker than the source, as the slice asks.
      let mean = { (image: Image) in image.pixels.reduce(0, +) / Float(image.pixels.count) }
      #expect(mean(decoded.image) < mean(source.image))
      layouts.insert(decoded.image.layout)
      ours.append(decoded.image)
    }
    #expect(layouts == [.gray, .rgb], "the run covers grayscale and colour JPEGs")
    let pillowFolder = folder.url.appendingPathComponent("pillow")
    try FileManager.default.createDirectory(at: pillowFolder, withIntermediateDirectories: true)
    guard let pillow = try Self.decodeWithPillow(outputs, into: pillowFolder) else { return }
    #expect(pillow.count == outputs.count)
    for ((info, bytes), image) in zip(pillow, ours) {
      #expect(info["format"] == "JPEG")
      #expect(info["mode"] == (image.layout == .gray ? "L" : "RGB"))
      #expect(info["width"] == "\(image.width)" && info["height"] == "\(image.height)")
      let levels = image.levels()
      #expect(bytes.count == levels.count)
      let largest = zip(bytes, levels).map { abs(Int($0) - Int($1)) }.max() ?? -1
      #expect(largest == 0, "Pillow and libjpeg-turbo differ by up to \(largest) levels")
    }
  }

  @Test func imageFormatOptionWritesPNGFromJPEGSources() throws {
    let folder = try TemporaryFolder()
    let dataset = try Self.jpegDataset(in: folder)
    let out = folder.path("dark-png")
    let result = try AugmentCLI.run(
      ["--slice", "dark-background", "--count", "2", "--dataset", dataset, "--out", out, "--image-format", "png"])
    #expect(result.status == 0, "\(result.stderr)")
    for record in try SliceRunTests.manifest(out) {
      #expect(record.output.hasSuffix(".png"))
      #expect(try MediaFormat.detect(at: URL(fileURLWithPath: out).appendingPathComponent(record.output)) == .png)
    }
  }

  @Test func imageFormatJPEGFromPNGSourcesUsesTheDefaultQuality() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("dark-jpeg")
    let result = try AugmentCLI.run(
      ["--slice", "dark-background", "--count", "2", "--dataset", AugmentCLI.sample("errors-images.csv"), "--out", out,
       "--image-format", "jpeg"])
    #expect(result.status == 0, "\(result.stderr)")
    for record in try SliceRunTests.manifest(out) {
      let decoded = try ImageFile.read(from: URL(fileURLWithPath: out).appendingPathComponent(record.output))
      #expect(record.output.hasSuffix(".jpg") && decoded.encoding == .jpeg(quality: JPEGFile.defaultQuality))
    }
  }

  @Test func audioFormatFLAC() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("car-flac")
    let result = try SliceRunTests.speechRun(out, count: 2, extra: ["--audio-format", "flac"])
    #expect(result.status == 0, "\(result.stderr)")
    for record in try SliceRunTests.manifest(out) {
      let url = URL(fileURLWithPath: out).appendingPathComponent(record.output)
      #expect(record.output.hasSuffix(".flac"))
      #expect(try MediaFormat.detect(at: url) == .flac)
      let decoded = try AudioFile.read(from: url)
      #expect(decoded.format.container == "flac" && decoded.format.encoding == "pcm16")
    }
    let refused = try AugmentCLI.run(["--slice", "car-noise", "--count", "1", "--audio-format", "mp3", "--out", folder.path("x")])
    #expect(refused.status == 64 && refused.stderr.contains("--audio-format"))
  }

  /// `augment info` lists every file of a folder by content and names the ones it cannot read, with why.
  @Test func infoListsEveryFileAndNamesUnsupportedOnes() throws {
    let folder = try TemporaryFolder()
    let root = folder.url
    let photo = Image(width: 6, height: 4, layout: .rgb, filledWith: 0.5)
    try ImageFile.write(photo, to: root.appendingPathComponent("photo.jpg"), as: .jpeg(quality: 77))
    try ImageFile.write(photo, to: root.appendingPathComponent("really-a-jpeg.png"), as: .jpeg(quality: 60))
    try AudioFile.write(AudioBuffer(mono: [Float](repeating: 0.1, count: 800), sampleRate: 8_000), to: root.appendingPathComponent("clip.wav"))
    FileManager.default.createFile(atPath: root.appendingPathComponent("frame.webp").path, contents: Data("RIFF\u{24}\0\0\0WEBPVP8 ".utf8))
    FileManager.default.createFile(atPath: root.appendingPathComponent("notes.txt").path, contents: Data("hello".utf8))
    let cmyk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("MediaIOTests/Reference/cmyk.jpg")
    try FileManager.default.copyItem(at: cmyk, to: root.appendingPathComponent("print.jpg"))
    let result = try AugmentCLI.run(["info", root.path])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    let byName = Dictionary(uniqueKeysWithValues: lines.map { (($0.split(separator: "\t")[0] as Substring).split(separator: "/").last.map(String.init) ?? "", $0) })
    #expect(byName["photo.jpg"]?.hasSuffix("\tjpeg\t6×4\trgb\t8-bit\tquality 77") == true)
    #expect(byName["really-a-jpeg.png"]?.contains("\tjpeg\t6×4\trgb\t8-bit\tquality 60") == true)
    #expect(byName["clip.wav"]?.contains("\twav/pcm16\t8000 Hz") == true)
    #expect(byName["frame.webp"]?.hasSuffix("\tunsupported\tWEBP images are not read; convert them to PNG or JPEG") == true)
    #expect(byName["notes.txt"]?.hasSuffix("\tunsupported\tneither audio nor an image in a format the tool reads") == true)
    #expect(byName["print.jpg"]?.contains("\tunsupported\ta CMYK or YCCK JPEG") == true)
    // A file named as audio that holds nothing recognisable is damaged audio, not an unsupported file.
    FileManager.default.createFile(atPath: root.appendingPathComponent("broken.wav").path, contents: Data("hello".utf8))
    let damaged = try AugmentCLI.run(["info", root.path])
    #expect(damaged.status == 65 && damaged.stdout.split(separator: "\n").count == 6)
    #expect(damaged.stderr.contains("broken.wav: not a readable audio file"))
  }
}
