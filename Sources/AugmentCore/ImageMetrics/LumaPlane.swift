import MediaIO

/// Rec. 709 luma of each pixel, `Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'`, in `0...1`.
///
/// Computed on the integer levels the image would be written with, divided by the largest level, so
/// a statistic of an image in memory equals that of its PNG. Gray images use their one channel;
/// alpha is ignored. The weights apply to the stored (gamma-encoded) values, as video luma does.
struct LumaPlane {
  static let rec709 = (red: 0.2126, green: 0.7152, blue: 0.0722)

  let width: Int
  let height: Int
  let values: [Double]

  init(_ image: Image) {
    width = image.width
    height = image.height
    let channels = image.channelCount
    let isColor = image.layout.colorChannelCount == 3
    let maxLevel = image.bitDepth.maxLevel
    let scale = 1 / Double(maxLevel)
    values = image.pixels.withUnsafeBufferPointer { pixels in
      (0..<(image.width * image.height)).map { p in
        let base = p * channels
        guard isColor else { return Double(level(pixels[base], maxLevel)) * scale }
        let red = Double(level(pixels[base], maxLevel))
        let green = Double(level(pixels[base + 1], maxLevel))
        let blue = Double(level(pixels[base + 2], maxLevel))
        return (Self.rec709.red * red + Self.rec709.green * green + Self.rec709.blue * blue) * scale
      }
    }
  }

  subscript(x: Int, y: Int) -> Double { values[y * width + x] }

  /// Mean and population standard deviation of the pixels in `box`, in two passes over the values
  /// less the box's first one, so a flat box has a deviation of exactly zero.
  func meanAndDeviation(in box: PixelBox) -> (mean: Double, deviation: Double) {
    let count = Double(box.width * box.height)
    let shift = self[box.x, box.y]
    var total = 0.0
    for y in box.y..<(box.y + box.height) {
      for x in box.x..<(box.x + box.width) { total += self[x, y] - shift }
    }
    let shiftedMean = total / count
    var squares = 0.0
    for y in box.y..<(box.y + box.height) {
      for x in box.x..<(box.x + box.width) {
        let deviation = self[x, y] - shift - shiftedMean
        squares += deviation * deviation
      }
    }
    return (shift + shiftedMean, (squares / count).squareRoot())
  }

  var wholeImage: PixelBox { PixelBox(x: 0, y: 0, width: width, height: height) }
}
