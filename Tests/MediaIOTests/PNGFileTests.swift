import CDeflate
import Foundation
import Testing

@testable import MediaIO

@Suite struct PNGFileTests {
  /// An image whose samples are pseudo-random integer levels of its bit depth, extremes included.
  static func image(_ layout: Image.Layout, _ depth: Image.BitDepth, width: Int = 37, height: Int = 23) -> Image {
    var generator = LinearCongruential(seed: UInt64(layout.channelCount * 100 + depth.rawValue))
    let count = width * height * layout.channelCount
    let maximum = UInt64(depth.maxLevel)
    let pixels = (0..<count).map { index -> Float in
      let level = index == 0 ? 0 : index == 1 ? maximum : generator.next() % (maximum + 1)
      return Float(level) / depth.maxLevel
    }
    return Image(width: width, height: height, layout: layout, bitDepth: depth, pixels: pixels)
  }

  static let everyKind: [(Image.Layout, Image.BitDepth)] = Image.Layout.allCases.flatMap { layout in
    Image.BitDepth.allCases.map { (layout, $0) }
  }

  @Test(arguments: everyKind)
  func roundTripIsPixelExactAndByteStable(layout: Image.Layout, depth: Image.BitDepth) throws {
    let folder = try TemporaryFolder()
    let original = Self.image(layout, depth)
    let first = folder.file("a.png"), second = folder.file("b.png")
    try PNGFile.write(original, to: first)
    let decoded = try PNGFile.read(from: first)
    #expect(decoded.layout == layout && decoded.bitDepth == depth)
    #expect(decoded.width == original.width && decoded.height == original.height)
    #expect(zip(decoded.levels(), original.levels()).filter { $0 != $1 }.count == 0)
    #expect(zip(decoded.pixels, original.pixels).filter { $0.bitPattern != $1.bitPattern }.count == 0)
    try PNGFile.write(decoded, to: second)
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
  }

  @Test func nonASCIIFileName() throws {
    let folder = try TemporaryFolder()
    let original = Self.image(.rgb, .eight)
    let url = folder.file("défaut rayé 傷.png")
    try PNGFile.write(original, to: url)
    #expect(try PNGFile.read(from: url).levels() == original.levels())
  }

  static func expectRejected(_ url: URL, kind: (MediaError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try PNGFile.read(from: url)
      Issue.record("\(url.lastPathComponent) was accepted", sourceLocation: sourceLocation)
    } catch let error as MediaError {
      #expect(kind(error), "unexpected error \(error)", sourceLocation: sourceLocation)
      #expect(error.description.contains(url.path), sourceLocation: sourceLocation)
    } catch {
      Issue.record("not a MediaError: \(error)", sourceLocation: sourceLocation)
    }
  }

  static func validPNG(in folder: TemporaryFolder) throws -> Data {
    let url = folder.file("valid.png")
    try PNGFile.write(image(.rgb, .eight, width: 64, height: 64), to: url)
    return try Data(contentsOf: url)
  }

  @Test func missingEmptyAndNonPNGFiles() throws {
    let folder = try TemporaryFolder()
    Self.expectRejected(folder.file("absent.png")) { if case .fileNotFound = $0 { true } else { false } }
    let empty = folder.file("empty.png")
    try Data().write(to: empty)
    Self.expectRejected(empty) { if case .emptyFile = $0 { true } else { false } }
    let text = folder.file("photo.png")
    try Data("GIF89a not really".utf8).write(to: text)
    Self.expectRejected(text) { if case .notPNG = $0 { true } else { false } }
  }

  @Test func truncatedImage() throws {
    let folder = try TemporaryFolder()
    let bytes = try Self.validPNG(in: folder)
    let url = folder.file("cut.png")
    try bytes.prefix(bytes.count / 2).write(to: url)
    Self.expectRejected(url) { if case .truncated = $0 { true } else { false } }
  }

  /// Ancillary chunks the reader does not use are skipped unread: a valid 20 MB text chunk does not stop the
  /// image, and a chunk whose length field claims gigabytes in a file of a few bytes (fuzzing finds: a
  /// `tEXt` of 1 GB, an `eXIf` of 1.9 GB, each of which libpng allocated) is reported cut short.
  @Test func ancillaryChunksAreSkippedUnread() throws {
    let folder = try TemporaryFolder()
    var bytes = try Self.validPNG(in: folder)
    let body = Data("tEXt".utf8) + Data("Comment".utf8) + Data([0]) + Data(repeating: 0x61, count: 20 << 20)
    let crc = body.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
    var chunk = withUnsafeBytes(of: UInt32(body.count - 4).bigEndian) { Data($0) }
    chunk += body
    chunk += withUnsafeBytes(of: crc.bigEndian) { Data($0) }
    // After the signature (8 bytes) and IHDR (25 bytes).
    bytes.insert(contentsOf: chunk, at: 33)
    let annotated = folder.file("annotated.png")
    try bytes.write(to: annotated)
    #expect(try PNGFile.read(from: annotated) == Self.image(.rgb, .eight, width: 64, height: 64))

    for (name, base64) in Self.chunksClaimingGigabytes {
      let claim = folder.file(name)
      try #require(Data(base64Encoded: base64)).write(to: claim)
      Self.expectRejected(claim) { if case .truncated = $0 { true } else { false } }
    }
  }

  static let chunksClaimingGigabytes = [
    ("text-1gib.png",
     "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAJAQAAAAAuw/D5AAAADmZkQVR42mP4/4EBBwIA664RaBRnQU1BAAAAdEVYdGtra2tra2trZmNUTGtra0Jg"),
    ("exif-2gib.png",
     "iVBORw0KGgoAAAANSUhEUgAAAAwAAAAJEAAAAABzQ07LAAAAAnRSTlMAAHZVSW50AABKZVhJZklEQVR42lWOAQ7AMAgC+f8jEX+yGGRuJi3GQ1pUST4j3XNPPwqLFDUi4aa2AiWcP2UD4ui+/AUXk/ELZkAm1Oi3/QAAAABJRU5ErkJggg=="),
  ]

  @Test func corruptedImageData() throws {
    let folder = try TemporaryFolder()
    var bytes = try Self.validPNG(in: folder)
    // Flip bytes inside the first IDAT chunk: its CRC no longer matches.
    let idat = try #require(bytes.range(of: Data("IDAT".utf8)))
    for offset in 10..<20 { bytes[idat.upperBound + offset] ^= 0xFF }
    let url = folder.file("flipped.png")
    try bytes.write(to: url)
    Self.expectRejected(url) { if case .corrupt = $0 { true } else { false } }
  }

  @Test func headerClaimingHugeDimensions() throws {
    let folder = try TemporaryFolder()
    var bytes = try Self.validPNG(in: folder)
    // IHDR data starts at byte 16: width and height, big-endian; fix the chunk CRC so only the size lies.
    bytes.replaceSubrange(16..<20, with: [0x00, 0x01, 0x86, 0xA0])  // 100 000
    bytes.replaceSubrange(20..<24, with: [0x00, 0x01, 0x86, 0xA0])
    let crc = CRC32.checksum(bytes[12..<29])
    bytes.replaceSubrange(29..<33, with: withUnsafeBytes(of: crc.bigEndian) { Data($0) })
    let url = folder.file("giant.png")
    try bytes.write(to: url)
    Self.expectRejected(url) { error in
      if case .imageTooLarge(_, 100_000, 100_000) = error { true } else { false }
    }
  }

  /// A palette PNG (colour type 3, 8-bit indices) built by hand from its palette and rows of indices.
  static func palettePNG(palette: [[UInt8]], indices: [[UInt8]]) -> Data {
    func chunk(_ type: String, _ data: [UInt8]) -> Data {
      let typeAndData = Data(type.utf8) + data
      return withUnsafeBytes(of: UInt32(data.count).bigEndian) { Data($0) } + typeAndData
        + withUnsafeBytes(of: CRC32.checksum(typeAndData).bigEndian) { Data($0) }
    }
    let width = UInt32(indices[0].count), height = UInt32(indices.count)
    var header: [UInt8] = []
    for value in [width, height] { withUnsafeBytes(of: value.bigEndian) { header += $0 } }
    header += [8, 3, 0, 0, 0]
    let rows: [UInt8] = indices.flatMap { [0] + $0 }  // filter type 0 (none) before each row
    let stream = DeflateCompressor(level: 6)!.zlibCompress(rows)
    return Data(PNGEncoder.signature) + chunk("IHDR", header) + chunk("PLTE", palette.flatMap { $0 })
      + chunk("IDAT", stream) + chunk("IEND", [])
  }

  /// A palette image decodes to 8-bit RGB with each pixel its palette colour, and is written back as
  /// RGB (colour type 2): what a transform makes is not limited to the palette's colours.
  @Test func paletteImageDecodesAndIsWrittenAsRGB() throws {
    let folder = try TemporaryFolder()
    let palette: [[UInt8]] = [[0, 0, 0], [255, 0, 0], [12, 200, 99], [255, 255, 255]]
    let indices: [[UInt8]] = [[0, 1, 2], [3, 2, 1]]
    let url = folder.file("indexed.png")
    try Self.palettePNG(palette: palette, indices: indices).write(to: url)
    let image = try PNGFile.read(from: url)
    #expect(image.layout == .rgb && image.bitDepth == .eight && image.width == 3 && image.height == 2)
    #expect(image.levels() == indices.flatMap { $0.flatMap { palette[Int($0)].map(UInt16.init) } })
    let stored = try PNGFile.storedFormat(at: url)
    #expect(stored == PNGFile.StoredFormat(colourType: 3, bitDepth: 8) && stored.isExpandedOnRead)
    #expect(stored.description == "8-bit palette")
    let written = folder.file("written.png")
    try PNGFile.write(image, to: written)
    #expect(try PNGStructure(contentsOf: written).header?.colourType == 2)
    #expect(try !PNGFile.storedFormat(at: written).isExpandedOnRead)
    #expect(try PNGFile.read(from: written) == image)
  }

  @Test func failedWriteLeavesNoFileBehind() throws {
    let folder = try TemporaryFolder()
    #expect(throws: MediaError.self) {
      try PNGFile.write(Self.image(.gray, .eight), to: folder.file("no/such/folder.png"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }
}

/// CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320).
enum CRC32 {
  static func checksum(_ bytes: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
  }
}
