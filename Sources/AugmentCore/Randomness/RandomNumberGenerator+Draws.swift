/// Draws with a documented algorithm.
///
/// The standard library's `random(in:using:)` does not promise its algorithm across Swift
/// versions; these do, so a seed gives the same parameters on every toolchain.
extension RandomNumberGenerator {
  /// A double in `[0, 1)` from the top 53 bits of one 64-bit draw.
  public mutating func unitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A double uniformly in `range` (`lower + (upper - lower) * u`, `u` from ``unitDouble()``).
  public mutating func uniform(in range: ClosedRange<Double>) -> Double {
    ParameterDraw.uniform(range).draw(using: &self)
  }

  /// An integer uniformly in `0..<bound` by Lemire's multiply-shift with rejection.
  public mutating func index(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let n = UInt64(bound)
    var product = next().multipliedFullWidth(by: n)
    if product.low < n {
      let threshold = (0 &- n) % n
      while product.low < threshold { product = next().multipliedFullWidth(by: n) }
    }
    return Int(product.high)
  }
}
