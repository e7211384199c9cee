import FuzzSupport
import MediaIO

/// JPEG files as `JPEGFile` reads them: the bounded segment walk, the Exif orientation parser, the
/// quality estimate from the quantisation tables, TurboJPEG's decoder behind the size limits, and the
/// turn of the decoded image upright.
///
/// Every input must either decode or throw a ``MediaError``; a decoded image must be within the limits,
/// 8-bit gray or RGB, hold width × height × channels samples of 8-bit levels, and any quality estimate
/// must be a libjpeg quality (1–100).
private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let url = scratch.holding(fuzzBytes(data, size))
  let decoded: JPEGFile.Decoded
  do {
    decoded = try JPEGFile.read(from: url)
  } catch is MediaError {
    return 0
  } catch {
    fuzzFailure("JPEGFile.read threw \(type(of: error)), not a MediaError: \(error)")
  }
  let image = decoded.image
  fuzzCheck(
    image.width > 0 && image.height > 0 && image.width <= PNGFile.maximumDimension
      && image.height <= PNGFile.maximumDimension && image.width * image.height <= PNGFile.maximumPixelCount,
    "\(image.width)×\(image.height) is outside the reader's limits")
  fuzzCheck(image.bitDepth == .eight && (image.layout == .gray || image.layout == .rgb), "\(image.layout) \(image.bitDepth)")
  fuzzCheck(
    image.pixels.count == image.width * image.height * image.channelCount,
    "\(image.pixels.count) samples for \(image.width)×\(image.height)×\(image.channelCount)")
  fuzzCheck(zip(image.levels(), image.pixels).allSatisfy { Float($0) / 255 == $1 }, "a sample is not an 8-bit level")
  fuzzCheck(decoded.estimatedQuality.map { (1...100).contains($0) } ?? true, "quality \(decoded.estimatedQuality!)")
  return 0
}
