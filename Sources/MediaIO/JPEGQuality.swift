/// Estimates the quality setting (1–100) a JPEG was saved at from its luminance quantisation table.
///
/// libjpeg (and so cjpeg, Pillow, OpenCV, ImageMagick and most software) makes its tables by scaling the
/// example luminance table of ITU-T T.81 Annex K.1: a quality q gives the factor s = 5000 / q below 50 and
/// 200 − 2q from 50, and each entry becomes ⌊(base × s + 50) / 100⌋ clamped to 1…255 (1…32767 in a
/// 16-bit table); see `jpeg_quality_scaling` and `jpeg_add_quant_table` in libjpeg's `jcparam.c`.
/// The estimate is the quality whose scaled table is nearest the file's (least sum of absolute
/// differences; the higher quality on a tie), so it is exact for files such encoders wrote, and the
/// nearest such quality for a camera's own tables. ImageMagick's `identify -format %Q` estimates the
/// same quantity by comparing table sums against precomputed ones.
enum JPEGQuality {
  /// The file's quality estimate, or `nil` when it defines no table 0 (the luminance table by convention).
  static func estimate(_ segments: JPEGSegments) -> Int? {
    for segment in segments where segment.marker == JPEGSegments.defineQuantizationTables {
      var rest = segment.payload[...]
      // A DQT segment holds one or more tables: a byte of precision (high nibble) and index (low nibble),
      // then 64 entries of 8 or 16 bits in zigzag order.
      while let header = rest.first {
        let sixteenBit = header >> 4 == 1, index = header & 0x0F
        let size = sixteenBit ? 128 : 64
        rest = rest.dropFirst()
        guard rest.count >= size else { return nil }
        let entries = rest.prefix(size)
        rest = rest.dropFirst(size)
        guard index == 0 else { continue }
        let values: [Int] =
          sixteenBit
          ? stride(from: entries.startIndex, to: entries.endIndex, by: 2).map {
            Int(entries[$0]) << 8 | Int(entries[$0 + 1])
          }
          : entries.map { Int($0) }
        return nearestQuality(toZigzagTable: values, maximumEntry: sixteenBit ? 32767 : 255)
      }
    }
    return nil
  }

  /// The quality whose scaled luminance table, in zigzag order, is nearest `table`.
  static func nearestQuality(toZigzagTable table: [Int], maximumEntry: Int) -> Int {
    var best = (quality: 100, distance: Int.max)
    for quality in stride(from: 100, through: 1, by: -1) {
      let scaled = scaledLuminanceTable(quality: quality, maximumEntry: maximumEntry)
      let distance = zip(scaled, table).reduce(0) { $0 + abs($1.0 - $1.1) }
      if distance < best.distance { best = (quality, distance) }
    }
    return best.quality
  }

  /// libjpeg's luminance table for `quality`, in zigzag order.
  static func scaledLuminanceTable(quality: Int, maximumEntry: Int) -> [Int] {
    let scale = quality < 50 ? 5000 / quality : 200 - 2 * quality
    return zigzagOrder.map { min(max((standardLuminance[$0] * scale + 50) / 100, 1), maximumEntry) }
  }

  /// ITU-T T.81 Annex K.1, Table K.1, in natural (row-major) order.
  static let standardLuminance = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
  ]

  /// The natural-order index of each zigzag position (T.81 Figure A.6).
  static let zigzagOrder = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
    12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
    35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
    58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
  ]
}
