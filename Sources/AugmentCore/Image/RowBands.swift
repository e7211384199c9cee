import Dispatch

/// Splits the rows of an image into bands that can be computed independently, on one or several cores.
public enum RowBands {
  /// Calls `body` once for each band of `rowCount` rows, on up to `threads` cores at once.
  ///
  /// The bands depend only on `rowCount` and `bandHeight`, never on `threads`, so a kernel whose rows
  /// are independent gives bit-identical output on any number of cores. `body` must only write
  /// memory that belongs to its own band.
  public static func forEach(
    rowCount: Int, bandHeight: Int = 32, threads: Int = 1, _ body: (Range<Int>) -> Void
  ) {
    let height = max(bandHeight, 1)
    let bandCount = (rowCount + height - 1) / height
    @Sendable func band(_ index: Int) -> Range<Int> { index * height..<min((index + 1) * height, rowCount) }
    let workers = min(max(threads, 1), bandCount)
    if workers <= 1 {
      for index in 0..<bandCount { body(band(index)) }
      return
    }
    withoutActuallyEscaping(body) { body in
      nonisolated(unsafe) let body = body
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: bandCount, by: workers) { body(band(index)) }
      }
    }
  }
}
