/// A decoded raster image with its PNG colour type and bit depth.
///
/// Layout: row-major, channels interleaved per pixel (`R G B A R G B A …`), values normalised to
/// `0...1` as 32-bit floats, so every transform is written once for 8- and 16-bit images.
/// Float32 holds every 16-bit level exactly, and `round(v * maxLevel)` recovers it, so decoding
/// and re-encoding is lossless. When present, alpha is the last channel of each pixel.
public struct Image: Sendable, Equatable {
  /// The channels a pixel carries, as in PNG colour types (palette images decode to `rgb`/`rgba`).
  public enum Layout: String, Sendable, Codable, CaseIterable {
    case gray, grayAlpha, rgb, rgba

    public var channelCount: Int {
      switch self {
      case .gray: 1
      case .grayAlpha: 2
      case .rgb: 3
      case .rgba: 4
      }
    }
    public var hasAlpha: Bool { self == .grayAlpha || self == .rgba }
    /// Channels that carry colour or luminance (all but alpha).
    public var colorChannelCount: Int { hasAlpha ? channelCount - 1 : channelCount }
  }

  /// Bits per channel sample in the file.
  public enum BitDepth: Int, Sendable, Codable, CaseIterable {
    case eight = 8, sixteen = 16
    /// The largest integer level: 255 or 65535.
    public var maxLevel: Float { self == .eight ? 255 : 65535 }
  }

  public let width: Int
  public let height: Int
  public let layout: Layout
  public var bitDepth: BitDepth
  /// `width * height * layout.channelCount` normalised samples.
  public var pixels: [Float]

  /// - Precondition: positive dimensions and a pixel array of exactly the right size.
  public init(width: Int, height: Int, layout: Layout, bitDepth: BitDepth, pixels: [Float]) {
    precondition(width > 0 && height > 0, "image dimensions must be positive")
    precondition(pixels.count == width * height * layout.channelCount, "pixel count does not match dimensions")
    self.width = width
    self.height = height
    self.layout = layout
    self.bitDepth = bitDepth
    self.pixels = pixels
  }

  /// An image with every sample set to `value`.
  public init(width: Int, height: Int, layout: Layout, bitDepth: BitDepth = .eight, filledWith value: Float) {
    self.init(
      width: width, height: height, layout: layout, bitDepth: bitDepth,
      pixels: [Float](repeating: value, count: width * height * layout.channelCount))
  }

  public var channelCount: Int { layout.channelCount }
  /// Samples per row.
  public var rowStride: Int { width * layout.channelCount }

  /// The sample at (`x`, `y`) in `channel`.
  public subscript(x: Int, y: Int, channel: Int) -> Float {
    get { pixels[(y * width + x) * channelCount + channel] }
    set { pixels[(y * width + x) * channelCount + channel] = newValue }
  }

  /// The samples quantised to the image's bit depth as integer levels, as they would be written.
  public func levels() -> [UInt16] {
    let scale = bitDepth.maxLevel
    return pixels.map { Self.level(of: $0, maxLevel: scale) }
  }

  /// `sample` clamped to `0...1` (NaN to 0) and rounded to the nearest of `0...maxLevel`, halves up:
  /// ⌊clamped × maxLevel + 0.5⌋.
  ///
  /// Written without a checked conversion so that loops over it vectorise: adding 2²³ to the
  /// scaled value t (below 2¹⁷) leaves t rounded to the nearest integer, ties to even, in the low
  /// bits of the sum; one less where that rounded up gives ⌊t⌋. For every Float other than NaN the
  /// result equals `UInt16(min(max(sample, 0), 1) * maxLevel + 0.5)`, as a run over all 2³² bit
  /// patterns found for both bit depths; the tests check every rounding boundary.
  @inlinable @inline(__always)
  public static func level(of sample: Float, maxLevel: Float) -> UInt16 {
    let scaled = (sample > 0 ? min(sample, 1) : 0) * maxLevel + 0.5
    let shifted = scaled + 0x1p23
    let nearest = shifted.bitPattern & 0x7F_FFFF
    return UInt16(truncatingIfNeeded: shifted - 0x1p23 > scaled ? nearest &- 1 : nearest)
  }
}
