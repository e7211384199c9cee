import Foundation
import Testing

@testable import MediaIO

/// JPEG through libjpeg-turbo, checked against files Pillow wrote and what Pillow decodes them to
/// (Reference/make_jpeg_fixtures.py).
struct JPEGFileTests {
  static func fixture(_ name: String) -> URL { PNGEncoderTests.fixture(name) }

  static func levels(_ image: Image) -> [Int] { image.levels().map(Int.init) }

  /// Mean absolute difference in 8-bit levels.
  static func meanError(_ a: Image, _ b: Image) -> Double {
    precondition(a.pixels.count == b.pixels.count)
    return zip(levels(a), levels(b)).reduce(0.0) { $0 + Double(abs($1.0 - $1.1)) } / Double(a.pixels.count)
  }

  /// A photo crop in gray or colour, 8-bit.
  static func photo(_ layout: Image.Layout) throws -> Image {
    let rgb = try PNGFile.read(from: fixture("upright.png"))
    guard layout == .gray else { return rgb }
    let gray = stride(from: 0, to: rgb.pixels.count, by: 3).map { (i: Int) -> Float in
      let red: Float = 0.299 * rgb.pixels[i], green: Float = 0.587 * rgb.pixels[i + 1]
      return red + green + 0.114 * rgb.pixels[i + 2]
    }
    return Image(width: rgb.width, height: rgb.height, layout: .gray, bitDepth: .eight, pixels: gray)
  }

  @Test(arguments: [Image.Layout.gray, .rgb])
  func roundTrip(layout: Image.Layout) throws {
    let folder = try TemporaryFolder()
    let original = try Self.photo(layout)
    let url = folder.file("photo.jpg")
    try JPEGFile.write(original, to: url, quality: 95)
    let decoded = try ImageFile.read(from: url)
    #expect(decoded.format == .jpeg && decoded.encoding == .jpeg(quality: 95))
    #expect(decoded.image.layout == layout && decoded.image.bitDepth == .eight)
    #expect(decoded.image.width == 48 && decoded.image.height == 32)
    // Quality 95 keeps a photo within a few levels on average (4:2:0 chroma costs colour edges more).
    let error = Self.meanError(decoded.image, original)
    #expect(error < (layout == .gray ? 1.5 : 3.5), "mean error \(error)")
    #expect(error > 0, "JPEG is lossy: an exact copy means the file was not JPEG-coded")
    // Writing what was read, at the same quality, changes it little more.
    try JPEGFile.write(decoded.image, to: url, quality: 95)
    #expect(Self.meanError(try ImageFile.read(from: url).image, decoded.image) < 1)
  }

  /// Files Pillow wrote decode to the levels Pillow decodes them to: gray, and progressive colour.
  @Test(arguments: [("gray.jpg", "gray-pillow.png", Image.Layout.gray), ("progressive.jpg", "progressive-pillow.png", .rgb)])
  func decodesLikePillow(file: String, pillow: String, layout: Image.Layout) throws {
    let decoded = try ImageFile.read(from: Self.fixture(file))
    let expected = try PNGFile.read(from: Self.fixture(pillow))
    #expect(decoded.image.layout == layout && expected.layout == layout)
    let differences = zip(Self.levels(decoded.image), Self.levels(expected)).map { abs($0 - $1) }
    #expect(differences.max() == 0, "largest difference \(differences.max() ?? -1) levels")
  }

  @Test func refusesCMYK() throws {
    let url = Self.fixture("cmyk.jpg")
    #expect {
      try ImageFile.read(from: url)
    } throws: { error in
      guard case .unsupported(let path, let detail) = error as? MediaError else { return false }
      return path == url.path && detail.contains("CMYK") && detail.contains("convert it to RGB")
    }
  }

  /// The stored pixels are turned upright as the Exif orientation says, for all eight orientations; each
  /// result is far nearer the upright crop than any other turn or mirror of it.
  @Test(arguments: 1...8)
  func appliesExifOrientation(orientation: Int) throws {
    let decoded = try JPEGFile.read(from: Self.fixture("orientation-\(orientation).jpg"))
    #expect(decoded.orientation == EXIFOrientation(rawValue: orientation))
    let upright = try PNGFile.read(from: Self.fixture("upright.png"))
    #expect(decoded.image.width == upright.width && decoded.image.height == upright.height)
    let error = Self.meanError(decoded.image, upright)
    #expect(error < 2.5, "mean error \(error) levels")
    for other in EXIFOrientation.allCases where other != .up {
      let wrong = other.upright(upright)
      guard wrong.width == upright.width else { continue }
      #expect(Self.meanError(decoded.image, wrong) > 10 * error)
    }
  }

  @Test func estimatesPillowQualities() throws {
    let data = try Data(contentsOf: Self.fixture("quality.json"))
    let expected = try JSONDecoder().decode([String: Int].self, from: data)
    #expect(expected.count == 11)
    for (file, quality) in expected.sorted(by: { $0.value < $1.value }) {
      #expect(try JPEGFile.read(from: Self.fixture(file)).estimatedQuality == quality, "\(file)")
    }
  }

  /// A file named `.png` that holds a JPEG is read as the JPEG it is (PNGFile alone refuses it).
  @Test func pngNamedFileHoldingJPEG() throws {
    let folder = try TemporaryFolder()
    let disguised = folder.file("photo.png")
    try FileManager.default.copyItem(at: Self.fixture("orientation-6.jpg"), to: disguised)
    let decoded = try ImageFile.read(from: disguised)
    #expect(decoded.format == .jpeg && decoded.encoding == .jpeg(quality: 95))
    #expect(decoded.image == (try JPEGFile.read(from: Self.fixture("orientation-6.jpg")).image))
    #expect(throws: MediaError.notPNG(path: disguised.path)) { try PNGFile.read(from: disguised) }
  }

  @Test func refusesWhatIsNotAReadableImage() throws {
    let folder = try TemporaryFolder()
    let wav = folder.file("frame.jpg")
    try AudioFile.write(AudioBuffer(mono: [0.1, 0.2, 0.3], sampleRate: 8_000), to: wav, as: .wavPCM16)
    #expect(throws: MediaError.notImage(path: wav.path, reason: "it holds WAV audio")) { try ImageFile.read(from: wav) }
    let webp = folder.file("frame.png")
    FileManager.default.createFile(atPath: webp.path, contents: Data("RIFF\u{24}\0\0\0WEBPVP8 ".utf8))
    #expect(throws: MediaError.unsupported(path: webp.path, detail: MediaFormat.webp.unsupportedReason!)) {
      try ImageFile.read(from: webp)
    }
    let text = folder.file("frame.jpeg")
    FileManager.default.createFile(atPath: text.path, contents: Data("id,path\n".utf8))
    #expect(throws: MediaError.notImage(path: text.path, reason: "no PNG or JPEG signature at its start")) {
      try ImageFile.read(from: text)
    }
  }

  @Test func truncatedAndDamagedFiles() throws {
    let folder = try TemporaryFolder()
    let whole = [UInt8](try Data(contentsOf: Self.fixture("quality-90.jpg")))
    let cut = folder.file("cut.jpg")
    FileManager.default.createFile(atPath: cut.path, contents: Data(whole.prefix(whole.count * 2 / 3)))
    #expect {
      try ImageFile.read(from: cut)
    } throws: { error in
      guard case .truncated(let path, _) = error as? MediaError else { return false }
      return path == cut.path
    }
    // A start-of-image marker and nothing a decoder can use.
    let damaged = folder.file("damaged.jpg")
    FileManager.default.createFile(atPath: damaged.path, contents: Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x12, 0x34]))
    #expect {
      try ImageFile.read(from: damaged)
    } throws: { error in
      switch error as? MediaError {
      case .corrupt(let path, _), .truncated(let path, _): path == damaged.path
      default: false
      }
    }
  }

  @Test func refusesAlphaAndOutOfRangeQuality() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("alpha.jpg")
    #expect(throws: MediaError.unsupported(path: url.path, detail: "JPEG has no alpha channel; write PNG (--image-format png)")) {
      try JPEGFile.write(Image(width: 2, height: 2, layout: .rgba, filledWith: 1), to: url)
    }
    #expect(throws: MediaError.unsupported(path: url.path, detail: "JPEG quality 0 is outside 1–100")) {
      try JPEGFile.write(Image(width: 2, height: 2, layout: .rgb, filledWith: 1), to: url, quality: 0)
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
  }

  /// 16-bit images are written at 8 bits: each sample rounds to the nearest of 256 levels before coding.
  @Test func sixteenBitImagesWriteAtEightBits() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("wide.jpg")
    let flat = Image(width: 16, height: 16, layout: .gray, bitDepth: .sixteen, filledWith: Float(40_000) / 65_535)
    try JPEGFile.write(flat, to: url, quality: 100)
    let decoded = try ImageFile.read(from: url).image
    #expect(decoded.bitDepth == .eight && Set(decoded.levels()) == [156])  // 40000 / 257 = 155.6
  }
}
