import MediaIO

extension Image {
  /// The image as 8-bit RGB: gray replicated into the three channels, and any alpha composited over `background`,
  /// so tiles of every PNG colour type share one canvas.
  func flattenedToRGB(over background: Float) -> Image {
    let count = width * height, channels = channelCount, colors = layout.colorChannelCount
    let alphaChannel = layout.hasAlpha ? channels - 1 : nil
    var rgb = [Float](repeating: 0, count: count * 3)
    pixels.withUnsafeBufferPointer { source in
      rgb.withUnsafeMutableBufferPointer { destination in
        for pixel in 0..<count {
          let input = pixel * channels
          let alpha = alphaChannel.map { source[input + $0] } ?? 1
          for c in 0..<3 {
            let value = source[input + (colors == 1 ? 0 : c)]
            destination[pixel * 3 + c] = alpha * value + (1 - alpha) * background
          }
        }
      }
    }
    return Image(width: width, height: height, layout: .rgb, bitDepth: .eight, pixels: rgb)
  }
}
