import Foundation

/// How an image is stored in a file: the encoding an output is written in.
public enum ImageEncoding: Sendable, Equatable, Hashable {
  /// Lossless, at the image's own layout and bit depth.
  case png
  /// Lossy, 8-bit gray or RGB, at a quality of 1–100.
  case jpeg(quality: Int)

  /// The file name extension for the encoding: `png` or `jpg`.
  public var fileExtension: String {
    switch self {
    case .png: "png"
    case .jpeg: "jpg"
    }
  }
}

/// Image files whatever their format: the one place that decides, from a file's content, how to decode it.
public enum ImageFile {
  /// A decoded image and how its file stored it.
  public struct Decoded: Sendable {
    public var image: Image
    /// ``MediaFormat/png`` or ``MediaFormat/jpeg``.
    public var format: MediaFormat
    /// The encoding that stores a result like the file did: PNG, or JPEG at the file's estimated quality
    /// (``JPEGFile/defaultQuality`` when its tables do not tell).
    public var encoding: ImageEncoding
  }

  /// Decodes the PNG or JPEG at `url`, told apart by content, not by name; a JPEG is turned upright as
  /// its Exif orientation says.
  ///
  /// - Throws: ``MediaError/notImage(path:reason:)`` for audio or unknown content,
  ///   ``MediaError/unsupported(path:detail:)`` for images in formats the tool does not read (WebP, GIF…),
  ///   and the errors of ``PNGFile/read(from:)`` and ``JPEGFile/read(from:)``.
  public static func read(from url: URL) throws -> Decoded {
    let path = url.path
    switch try MediaFormat.detect(at: url) {
    case .png:
      return Decoded(image: try PNGFile.read(from: url), format: .png, encoding: .png)
    case .jpeg:
      let decoded = try JPEGFile.read(from: url)
      return Decoded(
        image: decoded.image, format: .jpeg,
        encoding: .jpeg(quality: decoded.estimatedQuality ?? JPEGFile.defaultQuality))
    case let format?:
      if let reason = format.unsupportedReason { throw MediaError.unsupported(path: path, detail: reason) }
      throw MediaError.notImage(path: path, reason: "it holds \(format.rawValue.uppercased()) audio")
    case nil:
      throw MediaError.notImage(path: path, reason: "no PNG or JPEG signature at its start")
    }
  }

  /// Writes `image` to `url` in `encoding`, atomically; a PNG at `pngLevel` (zlib's scale, 0–9).
  public static func write(
    _ image: Image, to url: URL, as encoding: ImageEncoding, pngLevel: Int = PNGFile.defaultCompressionLevel
  ) throws {
    switch encoding {
    case .png: try PNGFile.write(image, to: url, compressionLevel: pngLevel)
    case .jpeg(let quality): try JPEGFile.write(image, to: url, quality: quality)
    }
  }
}
