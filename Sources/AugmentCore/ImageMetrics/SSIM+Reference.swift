import MediaIO

extension SSIM {
  /// One image's half of SSIM, prepared once to be scored against any number of images of its size,
  /// layout and bit depth: its levels and their window averages.
  ///
  /// A run scores every candidate against the source it was made from; preparing the source once saves
  /// two of the five filtered planes and half of the level conversions per candidate. A score against a
  /// reference is bit-identical to scoring the two images directly, which prepares one too.
  public struct Reference: Sendable {
    let width: Int
    let height: Int
    let layout: Image.Layout
    let bitDepth: Image.BitDepth
    /// `x`, the level minus mid-level, of each pixel's colour channels.
    let levels: [Float]
    /// The window averages of `x` and of `x²`, in the rows SSIM averages over (`radius..<height − radius`),
    /// all columns.
    let means: [Float]
    let squares: [Float]

    /// - Throws: ``ImageMetricError/imageTooSmall(width:height:minimum:)`` for an image smaller than the window.
    public init(_ image: Image, threads: Int = 1) throws(ImageMetricError) {
      guard min(image.width, image.height) >= SSIM.windowSize else {
        throw .imageTooSmall(width: image.width, height: image.height, minimum: SSIM.windowSize)
      }
      let (width, height, colors) = (image.width, image.height, image.layout.colorChannelCount)
      let levels = SSIM.centredLevels(of: image)
      let squared = levels.map { $0 * $0 }
      let rowLength = width * colors
      let count = (height - 2 * SSIM.radius) * rowLength
      var means = [Float](repeating: 0, count: count), squares = means
      levels.withUnsafeBufferPointer { levels in
        squared.withUnsafeBufferPointer { squared in
          means.withUnsafeMutableBufferPointer { means in
            squares.withUnsafeMutableBufferPointer { squares in
              nonisolated(unsafe) let (means, squares) = (means, squares)
              SSIM.forEachWindowBand(width: width, height: height, colors: colors, threads: threads) { band, average in
                average(levels.baseAddress!, means.baseAddress! + band.lowerBound * rowLength)
                average(squared.baseAddress!, squares.baseAddress! + band.lowerBound * rowLength)
              }
            }
          }
        }
      }
      (self.width, self.height, layout, bitDepth) = (width, height, image.layout, image.bitDepth)
      (self.levels, self.means, self.squares) = (levels, means, squares)
    }

    /// The memory the reference holds, in bytes.
    public var byteCount: Int { (levels.count + means.count + squares.count) * MemoryLayout<Float>.stride }

    func checkComparable(with b: Image) throws(ImageMetricError) {
      guard width == b.width, height == b.height else {
        throw .mismatchedImages("sizes \(width)×\(height) and \(b.width)×\(b.height) differ")
      }
      guard layout == b.layout else {
        throw .mismatchedImages("layouts \(layout.rawValue) and \(b.layout.rawValue) differ")
      }
      guard bitDepth == b.bitDepth else {
        throw .mismatchedImages("bit depths \(bitDepth.rawValue) and \(b.bitDepth.rawValue) differ")
      }
    }
  }
}
