import MediaIO

/// An image operation whose output rows can be computed independently of one another.
///
/// Implementations do the work in ``apply(to:rows:into:)``; callers that schedule their own cores
/// hand each core a range of rows. ``apply(to:threads:)`` does the whole image.
public protocol ImageRowKernel: Sendable {
  /// Writes output rows `rows` of the result for `source` into `output`, a buffer laid out like
  /// `source.pixels`. Writes nothing outside those rows, so disjoint ranges may run concurrently.
  func apply(to source: Image, rows: Range<Int>, into output: UnsafeMutableBufferPointer<Float>)
}

extension ImageRowKernel {
  /// The whole output image, its rows split into bands over up to `threads` cores.
  public func apply(to source: Image, threads: Int = 1) -> Image {
    let count = source.pixels.count
    let pixels = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let output = buffer
      RowBands.forEach(rowCount: source.height, threads: threads) { rows in
        apply(to: source, rows: rows, into: output)
      }
      initialized = count
    }
    return Image(
      width: source.width, height: source.height, layout: source.layout, bitDepth: source.bitDepth, pixels: pixels)
  }
}
