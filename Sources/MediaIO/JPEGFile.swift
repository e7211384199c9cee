import CTurboJPEG
import Foundation

/// Baseline and progressive JPEG images, 8-bit grayscale or colour, read and written through
/// libjpeg-turbo's TurboJPEG API.
///
/// Reading turns the image upright as its Exif orientation says, so every transform sees the photo as
/// a person does, and estimates the quality it was saved at (``JPEGQuality``). Writing stores upright
/// pixels without Exif. CMYK and YCCK files are refused: their ink values are not light.
public enum JPEGFile {
  /// A decoded file: upright pixels, and the quality it was saved at when its tables tell.
  public struct Decoded: Sendable {
    public var image: Image
    public var estimatedQuality: Int?
    /// The orientation its Exif block gave, already applied to `image`.
    public var orientation: EXIFOrientation?
  }

  /// The quality written when no source quality is known: high enough that blocking does not become
  /// the slice's defect.
  public static let defaultQuality = 90

  /// Decodes the JPEG at `url`.
  public static func read(from url: URL) throws -> Decoded {
    let path = url.path
    let file = try RegularFile(path: path)
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: false).readToEnd() ?? Data())
    } catch {
      throw MediaError.cannotOpen(path: path, reason: error.localizedDescription)
    }
    return try decode(bytes, path: path)
  }

  /// Decodes a whole JPEG file held in `bytes`; errors name `path`.
  public static func decode(_ bytes: [UInt8], path: String) throws -> Decoded {
    guard let handle = tjInitDecompress() else {
      throw MediaError.unsupported(path: path, detail: "TurboJPEG could not start: \(errorMessage(nil))")
    }
    defer { tjDestroy(handle) }
    var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
    let headerStatus = bytes.withUnsafeBufferPointer {
      tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
    }
    guard headerStatus == 0 else { throw failure(path: path, message: errorMessage(handle)) }
    let layout: Image.Layout
    switch colorspace {
    case Int32(TJCS_GRAY.rawValue): layout = .gray
    case Int32(TJCS_RGB.rawValue), Int32(TJCS_YCbCr.rawValue): layout = .rgb
    default:
      throw MediaError.unsupported(
        path: path,
        detail: "a CMYK or YCCK JPEG (print colours); convert it to RGB, e.g. `convert in.jpg -colorspace sRGB out.jpg`")
    }
    guard width > 0, height > 0 else {
      throw MediaError.corrupt(path: path, detail: "the header gives \(width)×\(height) pixels")
    }
    guard Int(width) <= PNGFile.maximumDimension, Int(height) <= PNGFile.maximumDimension,
      Int(width) * Int(height) <= PNGFile.maximumPixelCount
    else { throw MediaError.imageTooLarge(path: path, width: Int(width), height: Int(height)) }
    let count = Int(width) * Int(height) * layout.channelCount
    var levels = [UInt8](repeating: 0, count: count)
    let pixelFormat = Int32((layout == .gray ? TJPF_GRAY : TJPF_RGB).rawValue)
    // TJFLAG_LIMITSCANS refuses progressive files with absurd numbers of scans (a decoding-time attack).
    let flags = Int32(TJFLAG_ACCURATEDCT | TJFLAG_LIMITSCANS)
    let status = bytes.withUnsafeBufferPointer { source in
      levels.withUnsafeMutableBufferPointer { destination in
        tjDecompress2(
          handle, source.baseAddress, UInt(source.count), destination.baseAddress, width, 0, height, pixelFormat, flags)
      }
    }
    if status != 0 {
      let message = errorMessage(handle)
      // A warning leaves a complete image (extraneous bytes before a marker, common in camera files),
      // except when the data ran out: libjpeg then fills the rest with grey.
      if tjGetErrorCode(handle) != Int32(TJERR_WARNING.rawValue) || message.contains("Premature end") {
        throw failure(path: path, message: message)
      }
    }
    let table = (0...255).map { Float($0) / 255 }
    let image = Image(
      width: Int(width), height: Int(height), layout: layout, bitDepth: .eight, pixels: levels.map { table[Int($0)] })
    let segments = JPEGSegments(bytes: bytes)
    let orientation = EXIFOrientation.fromJPEG(segments)
    return Decoded(
      image: orientation?.upright(image) ?? image, estimatedQuality: JPEGQuality.estimate(segments),
      orientation: orientation)
  }

  /// Writes `image` to `url` as a baseline JPEG at `quality` (1–100), atomically.
  ///
  /// Gray images are written as grayscale, colour as YCbCr with 4:2:0 chroma subsampling (libjpeg's
  /// default); samples are rounded to 8 bits. Images with alpha are refused: JPEG has no alpha channel.
  public static func write(_ image: Image, to url: URL, quality: Int = defaultQuality) throws {
    let bytes = try encode(image, quality: quality, path: url.path)
    try AtomicFile.write(bytes, to: url)
  }

  /// The bytes of a JPEG file holding `image`; errors name `path`.
  public static func encode(_ image: Image, quality: Int, path: String) throws -> [UInt8] {
    guard !image.layout.hasAlpha else {
      throw MediaError.unsupported(path: path, detail: "JPEG has no alpha channel; write PNG (--image-format png)")
    }
    guard (1...100).contains(quality) else {
      throw MediaError.unsupported(path: path, detail: "JPEG quality \(quality) is outside 1–100")
    }
    guard let handle = tjInitCompress() else {
      throw MediaError.writeFailed(path: path, detail: "TurboJPEG could not start: \(errorMessage(nil))")
    }
    defer { tjDestroy(handle) }
    let levels = image.pixels.map { UInt8(truncatingIfNeeded: Image.level(of: $0, maxLevel: 255)) }
    let gray = image.layout == .gray
    let pixelFormat = Int32((gray ? TJPF_GRAY : TJPF_RGB).rawValue)
    let subsampling = Int32((gray ? TJSAMP_GRAY : TJSAMP_420).rawValue)
    var output: UnsafeMutablePointer<UInt8>? = nil
    var size: UInt = 0
    defer { tjFree(output) }
    let status = levels.withUnsafeBufferPointer { source in
      tjCompress2(
        handle, source.baseAddress, Int32(image.width), 0, Int32(image.height), pixelFormat, &output, &size,
        subsampling, Int32(quality), Int32(TJFLAG_ACCURATEDCT))
    }
    guard status == 0, let output else { throw MediaError.writeFailed(path: path, detail: errorMessage(handle)) }
    return Array(UnsafeBufferPointer(start: output, count: Int(size)))
  }

  private static func errorMessage(_ handle: tjhandle?) -> String {
    tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
  }

  private static func failure(path: String, message: String) -> MediaError {
    message.contains("Premature end") ? .truncated(path: path, detail: message) : .corrupt(path: path, detail: message)
  }
}
