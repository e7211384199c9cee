import Foundation
import Testing

@testable import MediaIO

@Suite struct PNGEncoderTests {
  static let everyKind = PNGFileTests.everyKind

  static func bytesPerPixel(_ layout: Image.Layout, _ depth: Image.BitDepth) -> Int {
    layout.channelCount * depth.rawValue / 8
  }

  /// Writes `rows` as an image of `layout` and `depth`, then checks the file against the reference
  /// filtering and reads it back through libpng. Returns the filter type of each row.
  @discardableResult
  static func expectEncodedExactly(
    _ rows: [[UInt8]], width: Int, layout: Image.Layout, depth: Image.BitDepth, compressionLevel: Int = 6,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [UInt8] {
    let folder = try TemporaryFolder()
    let url = folder.file("encoded.png")
    let original = ReferenceRowFiltering.image(rows, width: width, layout: layout, depth: depth)
    try PNGFile.write(original, to: url, compressionLevel: compressionLevel)

    let file = try PNGStructure(contentsOf: url)
    #expect(file.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"], sourceLocation: sourceLocation)
    let header = try #require(file.header, sourceLocation: sourceLocation)
    let colourTypes: [Image.Layout: UInt8] = [.gray: 0, .rgb: 2, .grayAlpha: 4, .rgba: 6]
    #expect(header.width == UInt32(width) && header.height == UInt32(rows.count), sourceLocation: sourceLocation)
    #expect(header.bitDepth == UInt8(depth.rawValue), sourceLocation: sourceLocation)
    #expect(header.colourType == colourTypes[layout], sourceLocation: sourceLocation)
    #expect(header.methods == [0, 0, 0], sourceLocation: sourceLocation)

    let filtered = try file.filteredImageData()
    let reference = ReferenceRowFiltering.filtered(rows, bytesPerPixel: bytesPerPixel(layout, depth))
    let difference = zip(filtered, reference).enumerated().first { $1.0 != $1.1 }?.offset
    #expect(
      filtered.count == reference.count && difference == nil,
      "filtered image data differs from the reference at byte \(difference ?? min(filtered.count, reference.count))",
      sourceLocation: sourceLocation)

    let decoded = try PNGFile.read(from: url)
    #expect(decoded.layout == layout && decoded.bitDepth == depth, sourceLocation: sourceLocation)
    #expect(decoded.width == width && decoded.height == rows.count, sourceLocation: sourceLocation)
    #expect(decoded.levels() == original.levels(), sourceLocation: sourceLocation)
    return PNGStructure.filterTypes(of: filtered, rowBytes: rows[0].count)
  }

  @Test(arguments: everyKind)
  func everyFilterTypeIsChosenAndDecodes(layout: Image.Layout, depth: Image.BitDepth) throws {
    let width = 37
    let rows = ReferenceRowFiltering.scanlines(
      width: width, height: 18, bytesPerPixel: Self.bytesPerPixel(layout, depth), seed: 7)
    let types = try Self.expectEncodedExactly(rows, width: width, layout: layout, depth: depth)
    // Rows 1, 3, 5, 7 and 8 of every nine were built for Up, Sub, Average, Paeth and None.
    let intended: [Int: UInt8] = [1: 2, 3: 1, 5: 3, 7: 4, 8: 0]
    for (y, type) in types.enumerated() {
      if let filter = intended[y % 9] { #expect(type == filter, "row \(y)") }
    }
  }

  /// One pixel wide, one row high, and rows that end part-way through a 16-byte vector.
  @Test(arguments: everyKind)
  func oddSizesRoundTrip(layout: Image.Layout, depth: Image.BitDepth) throws {
    for (width, height) in [(1, 1), (1, 12), (9, 1), (5, 11), (16, 9), (17, 10), (33, 3)] {
      let rows = ReferenceRowFiltering.scanlines(
        width: width, height: height, bytesPerPixel: Self.bytesPerPixel(layout, depth),
        seed: UInt64(width * 100 + height))
      try Self.expectEncodedExactly(rows, width: width, layout: layout, depth: depth)
    }
  }

  /// Rows of 4096 bytes of 0x80, the largest cost a byte can have (128): None's sum over the row,
  /// 524 288, must not wrap in the encoder's 16-bit running sums and so lose to Sub's 128.
  @Test func longRowsOfLargestCostKeepTheirSums() throws {
    let width = 4096
    let rows = [[UInt8](repeating: 0x80, count: width), (0..<width).map { UInt8(truncatingIfNeeded: $0 * 37) }]
    let types = try Self.expectEncodedExactly(rows, width: width, layout: .gray, depth: .eight)
    #expect(types.first == PNGRowFilter.sub.rawValue)
  }

  @Test(arguments: [(Image.Layout.rgb, Image.BitDepth.eight), (.grayAlpha, .sixteen)])
  func everyCompressionLevelDecodes(layout: Image.Layout, depth: Image.BitDepth) throws {
    let width = 29
    let rows = ReferenceRowFiltering.scanlines(
      width: width, height: 27, bytesPerPixel: Self.bytesPerPixel(layout, depth), seed: 3)
    for level in PNGEncoder.compressionLevels {
      try Self.expectEncodedExactly(rows, width: width, layout: layout, depth: depth, compressionLevel: level)
    }
  }

  /// Level 0 stores the data; higher levels compress a photo more.
  @Test func compressionLevelsKeepZlibsMeaning() throws {
    let photo = try PNGFile.read(from: Self.fixture("libpng-rgb8.png"))
    let filteredCount = photo.height * (1 + photo.width * 3)
    let sizes = try [0, 1, 6, 9].map { level in
      try PNGStructure(PNGEncoder.encode(photo, compressionLevel: level)).zlibStream.count
    }
    #expect(sizes[0] > filteredCount, "level 0 should store: \(sizes)")
    #expect(sizes[0] > sizes[1] && sizes[1] > sizes[2] && sizes[2] >= sizes[3], "\(sizes)")
  }

  /// At level 0 (stored) a 1.1 MB image needs a second IDAT chunk.
  @Test func largeImagesSpanSeveralIDATChunks() throws {
    let (width, height) = (1024, 1100)
    var random = LinearCongruential(seed: 5)
    let image = Image(
      width: width, height: height, layout: .gray, bitDepth: .eight,
      pixels: (0..<(width * height)).map { _ in Float(random.next() % 256) / 255 })
    let folder = try TemporaryFolder()
    let url = folder.file("large.png")
    try PNGFile.write(image, to: url, compressionLevel: 0)
    let file = try PNGStructure(contentsOf: url)
    let idat = file.chunks.filter { $0.type == "IDAT" }.map(\.data.count)
    #expect(file.chunks.map(\.type) == ["IHDR", "IDAT", "IDAT", "IEND"])
    #expect(idat.first == PNGEncoder.maximumIDATLength && idat.reduce(0, +) > height * (1 + width))
    #expect(try PNGFile.read(from: url).levels() == image.levels())
  }

  @Test(arguments: [-1, 10, 12])
  func compressionLevelOutsideZeroToNineIsAWriteError(level: Int) throws {
    let folder = try TemporaryFolder()
    let url = folder.file("level.png")
    #expect {
      try PNGFile.write(PNGFileTests.image(.gray, .eight), to: url, compressionLevel: level)
    } throws: { error in
      guard case .writeFailed(let path, let detail) = error as? MediaError else { return false }
      return path == url.path && detail.contains("compression level \(level)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  @Test func missingFolderIsAWriteErrorNamingTheFile() throws {
    let folder = try TemporaryFolder()
    let url = folder.file("absent/out.png")
    #expect {
      try PNGFile.write(PNGFileTests.image(.rgb, .eight), to: url)
    } throws: { error in
      guard case .writeFailed(let path, let detail) = error as? MediaError else { return false }
      return path == url.path && detail.hasPrefix("cannot create the file")
    }
  }

  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(name)")
  }

  /// libpng's own output (written through OpenCV by Reference/make_libpng_fixtures.py): re-encoding its
  /// pixels must give exactly libpng's filtered image data, every filter type byte included.
  @Test(arguments: ["libpng-gray8.png", "libpng-rgb8.png", "libpng-rgba16.png"])
  func filteringMatchesLibpng(fixture: String) throws {
    let libpng = try PNGStructure(contentsOf: Self.fixture(fixture))
    let image = try PNGFile.read(from: Self.fixture(fixture))
    let ours = try PNGStructure(PNGEncoder.encode(image, compressionLevel: 6))
    let expected = try libpng.filteredImageData()
    #expect(try ours.filteredImageData() == expected)
    #expect(ours.header?.colourType == libpng.header?.colourType && ours.header?.bitDepth == libpng.header?.bitDepth)
    // The fixtures exercise more than one filter: libpng chose at least three types in each.
    let rowBytes = image.width * Self.bytesPerPixel(image.layout, image.bitDepth)
    #expect(Set(PNGStructure.filterTypes(of: expected, rowBytes: rowBytes)).count >= 3)
  }
}
