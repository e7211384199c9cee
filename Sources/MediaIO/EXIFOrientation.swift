/// How a camera says a photo must be turned for display: the Exif `Orientation` tag (0x0112) of the
/// first image file directory, values 1–8 as TIFF 6.0 defines them. Raw values name where the stored
/// image's first row and first column belong.
public enum EXIFOrientation: Int, Sendable, CaseIterable {
  /// Stored upright.
  case up = 1
  /// Mirrored left to right.
  case upMirrored = 2
  /// Upside down.
  case down = 3
  /// Mirrored top to bottom.
  case downMirrored = 4
  /// Mirrored about the main diagonal (transposed).
  case leftMirrored = 5
  /// Turned a quarter counter-clockwise: displayed after a quarter turn clockwise.
  case right = 6
  /// Mirrored about the anti-diagonal (transversed).
  case rightMirrored = 7
  /// Turned a quarter clockwise: displayed after a quarter turn counter-clockwise.
  case left = 8

  /// The orientation a JPEG's APP1 Exif block gives, or `nil` when it has none or it cannot be read.
  ///
  /// Only the first image file directory is read, with every offset checked against the block's
  /// length, so a damaged or hostile block gives `nil`, never a read outside it.
  static func fromJPEG(_ segments: JPEGSegments) -> EXIFOrientation? {
    for segment in segments where segment.marker == JPEGSegments.app1 {
      let block = Array(segment.payload)
      guard block.starts(with: Array("Exif\0\0".utf8)) else { continue }
      return fromTIFF(Array(block.dropFirst(6)))
    }
    return nil
  }

  /// The orientation tag of the TIFF structure an Exif block holds.
  static func fromTIFF(_ tiff: [UInt8]) -> EXIFOrientation? {
    guard tiff.count >= 8 else { return nil }
    let littleEndian: Bool
    switch (tiff[0], tiff[1]) {
    case (0x49, 0x49): littleEndian = true
    case (0x4D, 0x4D): littleEndian = false
    default: return nil
    }
    func u16(_ at: Int) -> Int? {
      guard at >= 0, at + 2 <= tiff.count else { return nil }
      return littleEndian ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
    }
    func u32(_ at: Int) -> Int? {
      guard let first = u16(at), let second = u16(at + 2) else { return nil }
      return littleEndian ? first | second << 16 : first << 16 | second
    }
    guard u16(2) == 42, let directory = u32(4), let entryCount = u16(directory) else { return nil }
    let shortType = 3, orientationTag = 0x0112
    for entry in 0..<entryCount {
      let at = directory + 2 + entry * 12
      guard let tag = u16(at), let type = u16(at + 2), let count = u32(at + 4) else { return nil }
      guard tag == orientationTag else { continue }
      guard type == shortType, count == 1, let value = u16(at + 8) else { return nil }
      return EXIFOrientation(rawValue: value)
    }
    return nil
  }

  /// `image` turned and mirrored so that it displays upright.
  public func upright(_ image: Image) -> Image {
    guard self != .up else { return image }
    let width = image.width, height = image.height, channels = image.channelCount
    let swapsSides = rawValue >= 5
    let outWidth = swapsSides ? height : width, outHeight = swapsSides ? width : height
    let source = image.pixels
    var pixels: [Float] = []
    pixels.reserveCapacity(source.count)
    for y in 0..<outHeight {
      for x in 0..<outWidth {
        let (sx, sy) = sourcePoint(x: x, y: y, width: width, height: height)
        let from = (sy * width + sx) * channels
        pixels.append(contentsOf: source[from..<(from + channels)])
      }
    }
    return Image(width: outWidth, height: outHeight, layout: image.layout, bitDepth: image.bitDepth, pixels: pixels)
  }

  /// The stored pixel shown at (`x`, `y`) of the upright image, for a stored image of `width` × `height`.
  private func sourcePoint(x: Int, y: Int, width: Int, height: Int) -> (Int, Int) {
    switch self {
    case .up: (x, y)
    case .upMirrored: (width - 1 - x, y)
    case .down: (width - 1 - x, height - 1 - y)
    case .downMirrored: (x, height - 1 - y)
    case .leftMirrored: (y, x)
    case .right: (y, height - 1 - x)
    case .rightMirrored: (width - 1 - y, height - 1 - x)
    case .left: (width - 1 - y, x)
    }
  }
}
