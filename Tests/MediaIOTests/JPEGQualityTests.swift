import Testing

@testable import MediaIO

/// The quality estimate from the luminance table (the Pillow-written files are in JPEGFileTests).
struct JPEGQualityTests {
  /// At quality 50 libjpeg uses T.81's table unscaled; at 100, all ones; below 25 entries clamp at 255.
  @Test func scalesTheStandardTableAsLibjpeg() {
    let natural = { (table: [Int]) in
      var result = [Int](repeating: 0, count: 64)
      for (zigzag, index) in JPEGQuality.zigzagOrder.enumerated() { result[index] = table[zigzag] }
      return result
    }
    #expect(natural(JPEGQuality.scaledLuminanceTable(quality: 50, maximumEntry: 255)) == JPEGQuality.standardLuminance)
    #expect(Set(JPEGQuality.scaledLuminanceTable(quality: 100, maximumEntry: 255)) == [1])
    // Quality 75: s = 50, so 16 → 8 and 121 → 61 (⌊(121·50 + 50) / 100⌋).
    let q75 = natural(JPEGQuality.scaledLuminanceTable(quality: 75, maximumEntry: 255))
    #expect(q75[0] == 8 && q75[53] == 61)
    #expect(JPEGQuality.scaledLuminanceTable(quality: 5, maximumEntry: 255).max() == 255)
    #expect(JPEGQuality.scaledLuminanceTable(quality: 5, maximumEntry: 32767).max() == 121 * 10)
  }

  /// Every quality's own table is recognised as that quality, and a table between two qualities goes to
  /// the nearer.
  @Test func everyQualityIsDistinguishable() {
    for quality in 1...100 {
      let table = JPEGQuality.scaledLuminanceTable(quality: quality, maximumEntry: 255)
      #expect(JPEGQuality.nearestQuality(toZigzagTable: table, maximumEntry: 255) == quality)
    }
    var nearly80 = JPEGQuality.scaledLuminanceTable(quality: 80, maximumEntry: 255)
    nearly80[10] += 1
    #expect(JPEGQuality.nearestQuality(toZigzagTable: nearly80, maximumEntry: 255) == 80)
  }

  /// A 16-bit table (precision nibble 1) after a chroma table in the same segment: entries above 255 that an
  /// 8-bit table would clamp tell quality 3 from quality 5.
  @Test func readsSixteenBitTables() {
    let chroma = [0x01] + [UInt8](repeating: 99, count: 64)
    let luma = [UInt8(0x10)] + JPEGQuality.scaledLuminanceTable(quality: 3, maximumEntry: 32767).flatMap {
      [UInt8($0 >> 8), UInt8($0 & 0xFF)]
    }
    let length = 2 + chroma.count + luma.count
    let file = [0xFF, 0xD8, 0xFF, 0xDB, UInt8(length >> 8), UInt8(length & 0xFF)] + chroma + luma
    #expect(JPEGQuality.estimate(JPEGSegments(bytes: file)) == 3)
  }

  @Test func noLuminanceTableGivesNoEstimate() {
    let chromaOnly = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x01] + [UInt8](repeating: 3, count: 64)
    #expect(JPEGQuality.estimate(JPEGSegments(bytes: chromaOnly)) == nil)
    let lumaOnly = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
    #expect(JPEGQuality.estimate(JPEGSegments(bytes: lumaOnly)) == 100)
    // A table cut short ends the estimate rather than reading past the segment.
    let short = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x22, 0x00] + [UInt8](repeating: 1, count: 32)
    #expect(JPEGQuality.estimate(JPEGSegments(bytes: short)) == nil)
  }
}
