import MediaIO

/// The deterministic test images of `Reference/reference_images.py`, rebuilt from the same integer
/// formulas so the reference scripts and the tests see identical pixels.
enum ReferenceImages {
  static let width = 64
  static let height = 48

  /// The 8-bit level of the reference pattern at column `x`, row `y`, channel `c`.
  static func level8(_ x: Int, _ y: Int, _ c: Int) -> Int {
    let block = x / 16 + 4 * (y / 16)
    switch block % 4 {
    case 0: return (block * 23 + c * 40) % 256
    case 1: return (4 * x + 2 * y + 60 * c) % 256
    case 2: return (x * 73 + y * 151 + c * 31 + x * y * 17) % 256
    default: return (x / 4 + y / 4 + c) % 2 == 0 ? 255 : 0
    }
  }

  /// An image from integer levels given per (x, y, channel).
  static func image(
    width: Int = width, height: Int = height, layout: Image.Layout, bitDepth: Image.BitDepth = .eight,
    level: (Int, Int, Int) -> Int
  ) -> Image {
    let channels = layout.channelCount
    var pixels = [Float](repeating: 0, count: width * height * channels)
    for y in 0..<height {
      for x in 0..<width {
        for c in 0..<channels { pixels[(y * width + x) * channels + c] = Float(level(x, y, c)) / bitDepth.maxLevel }
      }
    }
    return Image(width: width, height: height, layout: layout, bitDepth: bitDepth, pixels: pixels)
  }

  static func rgb8() -> Image { image(layout: .rgb, level: level8) }
  static func gray8() -> Image { image(layout: .gray) { x, y, _ in level8(x, y, 1) } }
  static func rgb16() -> Image {
    image(layout: .rgb, bitDepth: .sixteen) { x, y, c in level8(x, y, c) * 256 + (7 * x + 13 * y + 5 * c) % 256 }
  }
  static func alpha8(_ x: Int, _ y: Int, variant: Int) -> Int {
    variant == 0 ? (5 * x + 11 * y) % 256 : (3 * x + 7 * y + 100) % 256
  }

  /// `image` with an alpha channel from ``alpha8(_:_:variant:)`` (8-bit RGB in, RGBA out).
  static func withAlpha(_ rgb: Image, variant: Int) -> Image {
    let levels = rgb.levels()
    return image(width: rgb.width, height: rgb.height, layout: .rgba) { x, y, c in
      c == 3 ? alpha8(x, y, variant: variant) : Int(levels[(y * rgb.width + x) * 3 + c])
    }
  }

  /// The top-left `width` × `height` corner of `source`.
  static func crop(_ source: Image, width: Int, height: Int) -> Image {
    let levels = source.levels()
    return image(width: width, height: height, layout: source.layout, bitDepth: source.bitDepth) { x, y, c in
      Int(levels[(y * source.width + x) * source.channelCount + c])
    }
  }

  // MARK: Integer edits, as in reference_images.py

  /// Applies `edit(level, x, y, channel)` to every sample's level.
  static func edited(_ source: Image, _ edit: (Int, Int, Int, Int) -> Int) -> Image {
    let levels = source.levels()
    let channels = source.channelCount
    return image(width: source.width, height: source.height, layout: source.layout, bitDepth: source.bitDepth) {
      x, y, c in edit(Int(levels[(y * source.width + x) * channels + c]), x, y, c)
    }
  }

  static func brighter(_ source: Image, by amount: Int = 30) -> Image {
    let top = Int(source.bitDepth.maxLevel)
    return edited(source) { level, _, _, _ in min(max(level + amount, 0), top) }
  }

  static func contrast8(_ source: Image) -> Image {
    edited(source) { level, _, _, _ in min(max(level * 3 / 2 - 64, 0), 255) }
  }
  static func contrast16(_ source: Image) -> Image { edited(source) { level, _, _, _ in level * 3 / 4 + 8192 } }

  static func noise8(_ source: Image) -> Image {
    edited(source) { level, x, y, c in min(max(level + (31 * x + 17 * y + 7 * c) % 41 - 20, 0), 255) }
  }

  /// 3 × 3 box mean with reflect-101 borders, rounded as `(sum + 4) / 9`.
  static func box3(_ source: Image) -> Image {
    let levels = source.levels()
    let channels = source.channelCount
    func mirror(_ i: Int, _ count: Int) -> Int { i < 0 ? -i : (i >= count ? 2 * count - 2 - i : i) }
    return image(width: source.width, height: source.height, layout: source.layout, bitDepth: source.bitDepth) {
      x, y, c in
      var sum = 0
      for dy in -1...1 {
        for dx in -1...1 {
          let (sx, sy) = (mirror(x + dx, source.width), mirror(y + dy, source.height))
          sum += Int(levels[(sy * source.width + sx) * channels + c])
        }
      }
      return (sum + 4) / 9
    }
  }
}
