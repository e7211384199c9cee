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
  guard let decoded = readOrRefuse("JPEGFile.read", { try JPEGFile.read(from: url) }) else { return 0 }
  let image = decoded.image
  checkImageShape(image)
  fuzzCheck(image.bitDepth == .eight && (image.layout == .gray || image.layout == .rgb), "\(image.layout) \(image.bitDepth)")
  fuzzCheck(zip(image.levels(), image.pixels).allSatisfy { Float($0) / 255 == $1 }, "a sample is not an 8-bit level")
  fuzzCheck(decoded.estimatedQuality.map { (1...100).contains($0) } ?? true, "quality \(decoded.estimatedQuality!)")
  return 0
}
