import MediaIO

/// `preview.png`: one row per pair, the source on the left and the augmented sample on the right, every tile
/// scaled to one height by area averaging, on a dark background with a thin gutter, so a terminal user can
/// glance at a run with any image viewer. Each row is labelled with the sample id and the value it was
/// picked by, in a band above its tiles.
struct ContactSheet {
  /// One pair's pictures (images, or spectrograms for audio); `nil` where the file could not be shown,
  /// drawn as a grey placeholder.
  struct Row {
    var kind: PreviewMedia.Kind
    var label: String
    var source: Image?
    var augmented: Image?
  }

  /// Tiles smaller than this show no defect worth seeing.
  static let minimumTileHeight = 16

  let tileHeight: Int
  /// Pixels of the label band above each row's tiles: the glyphs at twice their size and a margin.
  var labelHeight: Int { 2 * BitmapFont.glyphHeight + 4 }
  /// Pixels between tiles and around the sheet.
  let gutter = 4
  let background: Float = 0.1
  let placeholder: Float = 0.35

  /// The sheet of `rows`. The right column starts after the widest left tile, so the pairs line up.
  func render(_ rows: [Row]) -> Image {
    precondition(!rows.isEmpty, "a contact sheet needs at least one row")
    let tiles = rows.map { (tile($0.source, kind: $0.kind), tile($0.augmented, kind: $0.kind)) }
    let left = tiles.map(\.0.width).max()!
    let right = tiles.map(\.1.width).max()!
    let width = gutter + left + gutter + right + gutter
    var sheet = Image(width: width, height: height(rows: rows.count), layout: .rgb, filledWith: background)
    for (number, (source, augmented)) in tiles.enumerated() {
      let top = gutter + number * (labelHeight + tileHeight + gutter)
      BitmapFont.draw(rows[number].label, into: &sheet, x: gutter, y: top + 2, scale: 2, level: 0.9)
      draw(source, into: &sheet, x: gutter, y: top + labelHeight)
      draw(augmented, into: &sheet, x: gutter + left + gutter, y: top + labelHeight)
    }
    return sheet
  }

  /// The sheet's height for `rows` rows: each row's label band and tiles, and a gutter above, between and
  /// below them.
  func height(rows: Int) -> Int {
    rows * (labelHeight + tileHeight) + (rows + 1) * gutter
  }

  /// Width of a tile: an image keeps its aspect ratio (a missing one is square); a spectrogram, whose aspect
  /// means nothing, is twice as wide as high.
  func tileWidth(for image: Image?, kind: PreviewMedia.Kind) -> Int {
    switch kind {
    case .audio: return 2 * tileHeight
    case .image:
      guard let image else { return tileHeight }
      return max(1, Int((Double(image.width) * Double(tileHeight) / Double(image.height)).rounded()))
    }
  }

  /// `image` flattened to RGB and scaled to the tile size, or the placeholder.
  private func tile(_ image: Image?, kind: PreviewMedia.Kind) -> Image {
    let width = tileWidth(for: image, kind: kind)
    guard let image else { return Image(width: width, height: tileHeight, layout: .rgb, filledWith: placeholder) }
    return image.flattenedToRGB(over: background).resizedByArea(width: width, height: tileHeight)
  }

  private func draw(_ tile: Image, into sheet: inout Image, x: Int, y: Int) {
    let rowLength = tile.width * 3
    tile.pixels.withUnsafeBufferPointer { source in
      sheet.pixels.withUnsafeMutableBufferPointer { destination in
        for row in 0..<tile.height {
          let target = destination.baseAddress! + ((y + row) * sheet.width + x) * 3
          target.update(from: source.baseAddress! + row * rowLength, count: rowLength)
        }
      }
    }
  }
}
