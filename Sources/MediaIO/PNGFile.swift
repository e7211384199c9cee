import CPNG
import Foundation

/// PNG images, bit-exact at 8 and 16 bits: read through libpng's full API, written by ``PNGEncoder``.
///
/// Samples pass through exactly as stored: no gamma or colour-space conversion on read or write
/// (libpng's simplified API would treat 16-bit data as linear light and convert it).
public enum PNGFile {
  /// The largest width or height accepted, to refuse absurd headers before allocating.
  public static let maximumDimension = 16_384
  /// The largest pixel count accepted (64 megapixels).
  public static let maximumPixelCount = 64 * 1024 * 1024
  /// Compression level used when none is given: zlib's and libpng's default.
  public static let defaultCompressionLevel = 6

  /// Decodes the PNG at `url`. Palette and low-bit-depth images expand to 8-bit gray or RGB,
  /// and a tRNS chunk becomes an alpha channel; written back, they stay in that expanded layout,
  /// since any transform makes colours the palette does not hold and re-indexing would quantise them.
  /// Width, height and pixel count are checked against the limits from the header, before any
  /// pixel memory is allocated.
  public static func read(from url: URL) throws -> Image {
    let path = url.path
    let file = try RegularFile(path: path)
    var decoded = cpng_image()
    let status = withExtendedLifetime(file) {
      cpng_read(file.descriptor, UInt32(maximumDimension), UInt64(maximumPixelCount), &decoded)
    }
    defer { cpng_free(decoded.pixels) }
    let message = withUnsafeBytes(of: decoded.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    switch status {
    case CPNG_OK: break
    case CPNG_CANNOT_OPEN: throw MediaError.cannotOpen(path: path, reason: message)
    case CPNG_NOT_PNG: throw MediaError.notPNG(path: path)
    case CPNG_TRUNCATED: throw MediaError.truncated(path: path, detail: message)
    case CPNG_TOO_LARGE:
      throw MediaError.imageTooLarge(path: path, width: Int(decoded.width), height: Int(decoded.height))
    case CPNG_OUT_OF_MEMORY: throw MediaError.unsupported(path: path, detail: "not enough memory to decode it")
    default: throw MediaError.corrupt(path: path, detail: message)
    }
    guard let layout = layout(channels: Int(decoded.channels)),
      let depth = Image.BitDepth(rawValue: Int(decoded.bit_depth)), let source = decoded.pixels
    else {
      throw MediaError.unsupported(path: path, detail: "\(decoded.channels) channels at \(decoded.bit_depth) bits")
    }
    let count = Int(decoded.width) * Int(decoded.height) * layout.channelCount
    // `level / maxLevel` exactly (a division, not a multiply by the reciprocal, which can differ
    // in the last bit), so decoded pixels equal those of an image built from the same levels.
    let maxLevel = depth.maxLevel
    let pixels = [Float](unsafeUninitializedCapacity: count) { destination, initialized in
      if depth == .eight {
        let table = (0...255).map { Float($0) / maxLevel }
        for i in 0..<count { destination[i] = table[Int(source[i])] }
      } else {
        source.withMemoryRebound(to: UInt16.self, capacity: count) { wide in
          for i in 0..<count { destination[i] = Float(wide[i]) / maxLevel }
        }
      }
      initialized = count
    }
    return Image(width: Int(decoded.width), height: Int(decoded.height), layout: layout, bitDepth: depth, pixels: pixels)
  }

  /// Writes `image` to `url` at its own layout and bit depth, atomically (temporary name, then rename).
  /// Samples are rounded to the nearest level and clamped to `0...1`.
  ///
  /// `compressionLevel` is zlib's scale, 0 (stored) to 9 (smallest). The file is encoded by
  /// ``PNGEncoder`` with libdeflate, not libpng: rows are filtered as libpng filters them, and the
  /// compression is about 2–3× faster than zlib's at the same level.
  public static func write(_ image: Image, to url: URL, compressionLevel: Int = defaultCompressionLevel) throws {
    let file: [UInt8]
    do {
      file = try PNGEncoder.encode(image, compressionLevel: compressionLevel)
    } catch {
      throw MediaError.writeFailed(path: url.path, detail: error.reason)
    }
    try AtomicFile.write(file, to: url)
  }

  private static func layout(channels: Int) -> Image.Layout? {
    Image.Layout.allCases.first { $0.channelCount == channels }
  }
}
