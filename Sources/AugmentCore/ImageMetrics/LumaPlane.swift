import MediaIO

/// Rec. 709 luma of each pixel, `Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'`, in `0...1`, and the
/// pixels with a colour channel at either end of the range, from one pass over the levels.
///
/// Computed on the integer levels the image would be written with, divided by the largest level, so
/// a statistic of an image in memory equals that of its PNG. Gray images use their one channel;
/// alpha is ignored. The weights apply to the stored (gamma-encoded) values, as video luma does.
struct LumaPlane {
  static let rec709 = (red: 0.2126, green: 0.7152, blue: 0.0722)

  let width: Int
  let height: Int
  let values: [Double]
  /// Pixels with some colour channel at level 0.
  let darkPixels: Int
  /// Pixels with some colour channel at the largest level.
  let brightPixels: Int

  init(_ image: Image) {
    width = image.width
    height = image.height
    let channels = image.channelCount
    let isColor = image.layout.colorChannelCount == 3
    let maxLevel = image.bitDepth.maxLevel
    let scale = 1 / Double(maxLevel)
    let count = image.width * image.height
    var dark = 0
    var bright = 0
    values = [Double](unsafeUninitializedCapacity: count) { output, initialized in
      image.pixels.withUnsafeBufferPointer { pixels in
        for p in 0..<count {
          let base = p * channels
          let red = level(pixels[base], maxLevel)
          let green = isColor ? level(pixels[base + 1], maxLevel) : red
          let blue = isColor ? level(pixels[base + 2], maxLevel) : red
          let weighted =
            Self.rec709.red * Double(red) + Self.rec709.green * Double(green) + Self.rec709.blue * Double(blue)
          output[p] = (isColor ? weighted : Double(red)) * scale
          dark &+= Swift.min(red, green, blue) == 0 ? 1 : 0
          bright &+= Swift.max(red, green, blue) == maxLevel ? 1 : 0
        }
      }
      initialized = count
    }
    darkPixels = dark
    brightPixels = bright
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
