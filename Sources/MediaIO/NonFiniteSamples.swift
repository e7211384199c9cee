/// Finds NaN and infinite samples, which a float file can hold and nothing downstream can measure.
///
/// A float is non-finite exactly when its exponent bits are all ones; testing the bits rather than
/// calling `isFinite` in a loop that stops at the first hit lets the count over a clean clip (the
/// usual case) run as one vectorised pass.
enum NonFiniteSamples {
  /// How many of `samples` are NaN or ±infinity and the index of the first, or nil when all are finite.
  static func find(in samples: UnsafeBufferPointer<Float>) -> (count: Int, first: Int)? {
    let exponent: UInt32 = 0x7F80_0000
    var count = 0
    for sample in samples { count &+= sample.bitPattern & exponent == exponent ? 1 : 0 }
    guard count > 0, let first = samples.firstIndex(where: { !$0.isFinite }) else { return nil }
    return (count, first)
  }
}
