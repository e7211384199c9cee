import Foundation

extension PNGFile {
  /// How a PNG file stores its pixels (its IHDR chunk), which ``PNGFile/read(from:)`` may expand.
  public struct StoredFormat: Sendable, Equatable, CustomStringConvertible {
    /// PNG colour type: 0 gray, 2 RGB, 3 palette, 4 gray + alpha, 6 RGBA.
    public var colourType: UInt8
    /// Bits per sample (per palette index for colour type 3): 1, 2, 4, 8 or 16.
    public var bitDepth: UInt8

    /// Whether decoding changes the layout or depth: palette images become RGB(A), and 1-, 2- and
    /// 4-bit gray becomes 8-bit. Images written from such a file keep the expanded form, since a
    /// transform makes colours or levels the stored form cannot hold.
    public var isExpandedOnRead: Bool { colourType == 3 || bitDepth < 8 }

    public var description: String {
      let kind =
        switch colourType {
        case 0: "gray"
        case 2: "rgb"
        case 3: "palette"
        case 4: "grayAlpha"
        case 6: "rgba"
        default: "colour type \(colourType)"
        }
      return "\(bitDepth)-bit \(kind)"
    }
  }

  /// The colour type and bit depth the PNG at `url` declares, read from its header alone.
  ///
  /// - Throws: the ``MediaError`` of opening the file, or ``MediaError/notPNG(path:)`` when it does not
  ///   start with the PNG signature and an IHDR chunk.
  public static func storedFormat(at url: URL) throws -> StoredFormat {
    let file = try RegularFile(path: url.path)
    // Signature (8 bytes), IHDR's length and type (8), width and height (8), bit depth, colour type.
    var header = [UInt8](repeating: 0, count: 26)
    let count = withExtendedLifetime(file) { pread(file.descriptor, &header, header.count, 0) }
    guard count == header.count, header.starts(with: PNGEncoder.signature), header[12..<16].elementsEqual("IHDR".utf8)
    else { throw MediaError.notPNG(path: url.path) }
    return StoredFormat(colourType: header[25], bitDepth: header[24])
  }
}
