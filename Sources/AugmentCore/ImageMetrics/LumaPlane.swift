import MediaIO

/// Rec. 709 luma of each pixel, `Y' = 0.2126 R' + 0.7152 G' + 0.0722 B'`, in `0...1`.
///
/// Computed on the integer levels the image would be written with, divided by the largest level, so
/// a statistic of an image in memory equals that of its PNG. Gray images use their one channel;
/// alpha is ignored. The weights apply to the stored (gamma-encoded) values, as video luma does.
struct LumaPlane: Sendable {
  static let rec709 = (red: 0.2126, green: 0.7152, blue: 0.0722)

  let width: Int
  let height: Int
  let values: [Double]

  /// The luma of the whole image.
  init(_ image: Image) {
    self.init(image, in: PixelBox(x: 0, y: 0, width: image.width, height: image.height))
  }

  /// The luma of the pixels inside `box` only, which must fit the image: a plane `box.width` wide and
  /// `box.height` high. A statistic of a small box then costs the box, not the frame.
  init(_ image: Image, in box: PixelBox) {
    precondition(box.fits(imageWidth: image.width, imageHeight: image.height), "the box must fit the image")
    width = box.width
    height = box.height
    let channels = image.channelCount
    let isColor = image.layout.colorChannelCount == 3
    let maxLevel = image.bitDepth.maxLevel
    let scale = 1 / Double(maxLevel)
    let count = box.width * box.height
    values = [Double](unsafeUninitializedCapacity: count) { output, initialized in
      image.pixels.withUnsafeBufferPointer { pixels in
        for row in 0..<box.height {
          let rowStart = (box.y + row) * image.width + box.x
          for column in 0..<box.width {
            let base = (rowStart + column) * channels
            let red = level(pixels[base], maxLevel)
            let green = isColor ? level(pixels[base + 1], maxLevel) : red
            let blue = isColor ? level(pixels[base + 2], maxLevel) : red
            let weighted =
              Self.rec709.red * Double(red) + Self.rec709.green * Double(green) + Self.rec709.blue * Double(blue)
            output[row * box.width + column] = (isColor ? weighted : Double(red)) * scale
          }
        }
      }
      initialized = count
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
