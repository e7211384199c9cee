@testable import MediaIO

/// PNG's row filters and libpng's default choice among them, byte by byte as the PNG specification
/// (sections 9.2–9.4) and libpng 1.6's `png_write_find_filter` state them: the plain version the
/// encoder's vectorised filtering is checked against.
enum ReferenceRowFiltering {
  /// `row` filtered with filter `type`; bytes left of and above the image are zero.
  static func filter(_ type: UInt8, row: [UInt8], above: [UInt8], bytesPerPixel: Int) -> [UInt8] {
    row.indices.map { i in
      let a = i >= bytesPerPixel ? Int(row[i - bytesPerPixel]) : 0
      let c = i >= bytesPerPixel ? Int(above[i - bytesPerPixel]) : 0
      return UInt8(truncatingIfNeeded: Int(row[i]) - prediction(type, a: a, b: Int(above[i]), c: c))
    }
  }

  /// What filter `type` predicts from the byte to the left (`a`), above (`b`) and above left (`c`).
  static func prediction(_ type: UInt8, a: Int, b: Int, c: Int) -> Int {
    switch type {
    case 0: return 0
    case 1: return a
    case 2: return b
    case 3: return (a + b) / 2
    default:
      let p = a + b - c
      let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }
  }

  /// The filter libpng chooses for `row`: the type with the smallest sum of |byte read as signed|,
  /// the lowest type among equals.
  static func cheapestType(row: [UInt8], above: [UInt8], bytesPerPixel: Int) -> UInt8 {
    let costs = (0...4).map { type in
      filter(UInt8(type), row: row, above: above, bytesPerPixel: bytesPerPixel)
        .reduce(0) { $0 + min(Int($1), 256 - Int($1)) }
    }
    return UInt8(costs.firstIndex(of: costs.min()!)!)
  }

  /// The filtered image data libpng writes for `rows`: per row, the cheapest type, then the row
  /// filtered with it.
  static func filtered(_ rows: [[UInt8]], bytesPerPixel: Int) -> [UInt8] {
    var output: [UInt8] = []
    var above = [UInt8](repeating: 0, count: rows.first?.count ?? 0)
    for row in rows {
      let type = cheapestType(row: row, above: above, bytesPerPixel: bytesPerPixel)
      output.append(type)
      output += filter(type, row: row, above: above, bytesPerPixel: bytesPerPixel)
      above = row
    }
    return output
  }

  /// Raw scanlines in which each filter type is the cheapest for some rows. Rows cycle through:
  /// noise; a copy of the row above (Up costs 0); noise; one repeated pixel (Sub costs one pixel);
  /// noise; a random first pixel, then each byte the average of its left and upper neighbours
  /// (Average costs one pixel); noise; the same with Paeth's prediction; zeros (None costs 0 and is
  /// the lowest type). A row meant for Average or Paeth is redrawn until that filter is the cheapest
  /// (Paeth's predictions over noise soon copy the row above, which would make Up as cheap), at most
  /// 64 times: a row one pixel wide is only its first pixel.
  static func scanlines(width: Int, height: Int, bytesPerPixel: Int, seed: UInt64) -> [[UInt8]] {
    var random = LinearCongruential(seed: seed)
    let rowBytes = width * bytesPerPixel
    var rows: [[UInt8]] = []
    var above = [UInt8](repeating: 0, count: rowBytes)
    for y in 0..<height {
      var row = [UInt8](repeating: 0, count: rowBytes)
      switch y % 9 {
      case 1: row = above
      case 3:
        let pixel = (0..<bytesPerPixel).map { _ in UInt8(1 + random.next() % 8) }
        row = (0..<width).flatMap { _ in pixel }
      case 5, 7:
        let type: UInt8 = y % 9 == 5 ? 3 : 4
        for _ in 0..<64 {
          for i in 0..<rowBytes {
            let a = i >= bytesPerPixel ? Int(row[i - bytesPerPixel]) : 0
            let c = i >= bytesPerPixel ? Int(above[i - bytesPerPixel]) : 0
            row[i] =
              i < bytesPerPixel
              ? UInt8(truncatingIfNeeded: random.next()) : UInt8(prediction(type, a: a, b: Int(above[i]), c: c))
          }
          if cheapestType(row: row, above: above, bytesPerPixel: bytesPerPixel) == type { break }
        }
      case 8: break
      default: row = (0..<rowBytes).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      }
      rows.append(row)
      above = row
    }
    return rows
  }

  /// The image whose samples are `rows` read as PNG samples: bytes at 8 bits, big-endian pairs at 16.
  static func image(_ rows: [[UInt8]], width: Int, layout: Image.Layout, depth: Image.BitDepth) -> Image {
    let bytes = rows.flatMap { $0 }
    let levels =
      depth == .eight
      ? bytes.map(Int.init) : stride(from: 0, to: bytes.count, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) }
    return Image(
      width: width, height: rows.count, layout: layout, bitDepth: depth,
      pixels: levels.map { Float($0) / depth.maxLevel })
  }
}
