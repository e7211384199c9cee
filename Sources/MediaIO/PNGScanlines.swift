/// An image's samples as PNG scanlines: the bytes the row filters work on.
///
/// A row holds `width × channels` samples of one byte, or of two bytes, most significant first, at
/// 16 bits (PNG specification, section 7.1). The filters treat bytes left of and above the image as
/// zero (section 9.2); here each row is preceded by one pixel of zeros and the first row by a row of
/// zeros, so the filters read those neighbours like any other byte instead of testing for the edge.
struct PNGScanlines {
  /// Bytes per complete pixel: how far left a filter looks for a byte's neighbour.
  let bytesPerPixel: Int
  /// Bytes in one row of the image, without the border.
  let rowByteCount: Int
  let height: Int
  /// A row of zeros, then each row of the image after its pixel of zeros.
  let bytes: [UInt8]

  /// Bytes from the start of one bordered row to the next.
  var stride: Int { bytesPerPixel + rowByteCount }

  /// Quantises `image`'s samples to its bit depth as ``Image/levels()`` does.
  init(_ image: Image) {
    let bytesPerSample = image.bitDepth == .eight ? 1 : 2
    let (samplesPerRow, maxLevel, height) = (image.rowStride, image.bitDepth.maxLevel, image.height)
    let bytesPerPixel = image.channelCount * bytesPerSample
    let stride = bytesPerPixel + samplesPerRow * bytesPerSample
    var bytes = [UInt8](repeating: 0, count: (height + 1) * stride)
    bytes.withUnsafeMutableBufferPointer { destination in
      image.pixels.withUnsafeBufferPointer { samples in
        for y in 0..<height {
          let row = destination.baseAddress! + (y + 1) * stride + bytesPerPixel
          let source = samples.baseAddress! + y * samplesPerRow
          if bytesPerSample == 1 {
            for i in 0..<samplesPerRow {
              row[i] = UInt8(truncatingIfNeeded: Image.level(of: source[i], maxLevel: maxLevel))
            }
          } else {
            for i in 0..<samplesPerRow {
              let level = Image.level(of: source[i], maxLevel: maxLevel)
              row[2 * i] = UInt8(truncatingIfNeeded: level >> 8)
              row[2 * i + 1] = UInt8(truncatingIfNeeded: level)
            }
          }
        }
      }
    }
    self.bytesPerPixel = bytesPerPixel
    self.rowByteCount = samplesPerRow * bytesPerSample
    self.height = height
    self.bytes = bytes
  }
}
