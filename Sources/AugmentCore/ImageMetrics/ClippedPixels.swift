import MediaIO

/// The pixels with a colour channel at either end of the range: shadows clipped to black and highlights
/// burnt out. Counted on the integer levels the image would be written with, so a count of an image in
/// memory equals that of its file; alpha is ignored.
///
/// One pass of comparisons, without the luma plane ``ImageStatistics`` builds: the checklist counts
/// clipped pixels on every candidate and needs nothing else from that plane.
public struct ClippedPixels: Sendable, Equatable {
  /// Pixels with some colour channel at level 0.
  public var dark: Int
  /// Pixels with some colour channel at the largest level (255 or 65535).
  public var bright: Int
  /// All pixels of the image.
  public var total: Int

  public init(of image: Image) {
    let channels = image.channelCount
    let colors = image.layout.colorChannelCount
    let maxLevel = image.bitDepth.maxLevel
    // A level never decreases with its sample, so a pixel is dark when its darkest sample lies below the
    // least sample written as level 1, and bright when its brightest reaches the least written as the top.
    let levelOne = Self.leastSample { level($0, maxLevel) >= 1 }
    let topLevel = Self.leastSample { level($0, maxLevel) == maxLevel }
    let total = image.width * image.height
    var (dark, bright) = (0, 0)
    image.pixels.withUnsafeBufferPointer { pixels in
      for p in 0..<total {
        var (lowest, highest) = (pixels[p * channels], pixels[p * channels])
        for c in 1..<colors {
          lowest = min(lowest, pixels[p * channels + c])
          highest = max(highest, pixels[p * channels + c])
        }
        dark &+= lowest < levelOne ? 1 : 0
        bright &+= highest >= topLevel ? 1 : 0
      }
    }
    (self.dark, self.bright, self.total) = (dark, bright, total)
  }

  public var darkFraction: Double { Double(dark) / Double(total) }
  public var brightFraction: Double { Double(bright) / Double(total) }
  /// Pixels clipped dark or bright (a pixel clipped both ways counts twice; rare enough not to matter).
  public var fraction: Double { darkFraction + brightFraction }

  /// The least sample in `0...1` for which `reaches` holds, which must hold at 1 and, once it holds,
  /// for every larger sample: a binary search over the bit patterns, which order non-negative floats.
  static func leastSample(where reaches: (Float) -> Bool) -> Float {
    var (low, high) = (Float(0).bitPattern, Float(1).bitPattern)
    if reaches(0) { return 0 }
    while high - low > 1 {
      let middle = low + (high - low) / 2
      if reaches(Float(bitPattern: middle)) { high = middle } else { low = middle }
    }
    return Float(bitPattern: high)
  }
}
