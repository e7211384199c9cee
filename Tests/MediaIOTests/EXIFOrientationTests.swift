import Testing

@testable import MediaIO

/// The Exif orientation parser reads only inside the block it is given, whatever the block holds.
struct EXIFOrientationTests {
  /// A TIFF structure with one IFD0 entry, in either byte order.
  static func tiff(bigEndian: Bool, tag: UInt16 = 0x0112, type: UInt16 = 3, count: UInt32 = 1, value: UInt16) -> [UInt8] {
    func u16(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
    func u32(_ v: UInt32) -> [UInt8] {
      bigEndian ? u16(UInt16(v >> 16)) + u16(UInt16(v & 0xFFFF)) : u16(UInt16(v & 0xFFFF)) + u16(UInt16(v >> 16))
    }
    let header = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8)
    // Another tag first (ImageWidth), then the one under test, then the next-IFD offset.
    let other = u16(0x0100) + u16(3) + u32(1) + u16(640) + u16(0)
    let entry = u16(tag) + u16(type) + u32(count) + u16(value) + u16(0)
    return header + u16(2) + other + entry + u32(0)
  }

  @Test(arguments: [false, true])
  func readsEitherByteOrder(bigEndian: Bool) {
    for value in 1...8 {
      #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: bigEndian, value: UInt16(value)))?.rawValue == value)
    }
  }

  @Test func ignoresInvalidEntries() {
    #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: false, value: 0)) == nil)
    #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: false, value: 9)) == nil)
    #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: false, type: 4, value: 6)) == nil)
    #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: false, count: 2, value: 6)) == nil)
    #expect(EXIFOrientation.fromTIFF(Self.tiff(bigEndian: false, tag: 0x0113, value: 6)) == nil)
    var badMagic = Self.tiff(bigEndian: false, value: 6)
    badMagic[2] = 43
    #expect(EXIFOrientation.fromTIFF(badMagic) == nil)
  }

  /// Every prefix of a valid block, and blocks whose offsets and counts point anywhere, give an answer
  /// without reading outside the block (a read outside would trap). A prefix that holds the whole entry
  /// (all but its padding and the next-directory offset) is enough.
  @Test func survivesTruncationAndWildOffsets() {
    let valid = Self.tiff(bigEndian: true, value: 6)
    for length in 0..<valid.count {
      let expected: EXIFOrientation? = length >= valid.count - 6 ? .right : nil
      #expect(EXIFOrientation.fromTIFF(Array(valid.prefix(length))) == expected, "prefix \(length)")
    }
    #expect(EXIFOrientation.fromTIFF(valid) == .right)
    var generator = LinearCongruential(seed: 7)
    for _ in 0..<2_000 {
      var block = valid
      for _ in 0..<3 {
        let at = Int(generator.next() % UInt64(block.count))
        block[at] = UInt8(truncatingIfNeeded: generator.next())
      }
      _ = EXIFOrientation.fromTIFF(block)
    }
  }

  /// A JPEG header walk stops at a segment whose length runs past the bytes, and finds APP1 otherwise.
  @Test func findsExifInJPEGSegments() {
    let exif = Array("Exif\0\0".utf8) + Self.tiff(bigEndian: false, value: 8)
    let length = exif.count + 2
    let app1 = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + exif
    let file = [0xFF, 0xD8] + [0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46] + app1 + [0xFF, 0xDA, 0x00, 0x02]
    #expect(EXIFOrientation.fromJPEG(JPEGSegments(bytes: file)) == .left)
    for cut in 0..<file.count - 4 {
      let prefix = Array(file.prefix(cut))
      #expect(EXIFOrientation.fromJPEG(JPEGSegments(bytes: prefix)) == nil, "cut at \(cut)")
    }
  }

  /// The eight orientations as pixel maps on a 3×2 image with distinct values, against TIFF 6.0's table
  /// (the stored row 0 / column 0 lies at the displayed …): 2 top/right, 3 bottom/right, 4 bottom/left,
  /// 5 left/top, 6 right/top, 7 right/bottom, 8 left/bottom.
  @Test func turnsAsTIFFSpecifies() {
    // Stored:  0 1 2
    //          3 4 5
    let stored = Image(width: 3, height: 2, layout: .gray, bitDepth: .eight, pixels: (0..<6).map { Float($0) / 255 })
    let expected: [EXIFOrientation: (Int, [UInt16])] = [
      .up: (3, [0, 1, 2, 3, 4, 5]),
      .upMirrored: (3, [2, 1, 0, 5, 4, 3]),
      .down: (3, [5, 4, 3, 2, 1, 0]),
      .downMirrored: (3, [3, 4, 5, 0, 1, 2]),
      .leftMirrored: (2, [0, 3, 1, 4, 2, 5]),
      .right: (2, [3, 0, 4, 1, 5, 2]),
      .rightMirrored: (2, [5, 2, 4, 1, 3, 0]),
      .left: (2, [2, 5, 1, 4, 0, 3]),
    ]
    for (orientation, (width, levels)) in expected {
      let turned = orientation.upright(stored)
      #expect(turned.width == width && turned.levels() == levels, "\(orientation)")
    }
  }
}
