/// Finds NaN and infinite samples, which a float file can hold and nothing downstream can measure.
enum NonFiniteSamples {
  /// How many of `samples` are NaN or ±infinity and the index of the first, or nil when all are finite.
  ///
  /// A float is non-finite exactly when its eight exponent bits are all ones. With the other bits masked
  /// off, adding 2²³ carries into bit 31 for that pattern alone, so bit 31 of the sum is the count's
  /// increment: no comparison and no branch, and the pass over a clean clip (the usual case) compiles
  /// to vector instructions. The first index is looked for only once something was counted.
  static func find(in samples: UnsafeBufferPointer<Float>) -> (count: Int, first: Int)? {
    let exponent: UInt32 = 0x7F80_0000
    var count = 0
    for sample in samples { count &+= Int((sample.bitPattern & exponent &+ 0x80_0000) >> 31) }
    guard count > 0, let first = samples.firstIndex(where: { !$0.isFinite }) else { return nil }
    return (count, first)
  }
}
