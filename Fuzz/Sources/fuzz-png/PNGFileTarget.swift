import FuzzSupport
import MediaIO

/// PNG files as `PNGFile` reads them: the C shim that keeps libpng's `setjmp` in one function, the size
/// limits checked before allocating, palette, low-bit-depth, tRNS and interlace expansion, and the
/// conversion of 8- and 16-bit levels to floats.
///
/// Every input must either decode or throw a ``MediaError``; a decoded image must be within the limits,
/// hold width × height × channels samples, and every sample must be exactly one of its bit depth's
/// levels divided by the largest.
private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let url = scratch.holding(fuzzBytes(data, size))
  guard let image = readOrRefuse("PNGFile.read", { try PNGFile.read(from: url) }) else { return 0 }
  checkImageShape(image)
  let maxLevel = image.bitDepth.maxLevel
  fuzzCheck(
    zip(image.levels(), image.pixels).allSatisfy { Float($0) / maxLevel == $1 },
    "a sample is not a level of \(image.bitDepth.rawValue)-bit data")
  return 0
}
