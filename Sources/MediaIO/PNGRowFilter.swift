/// The five filter types of PNG's filter method 0 (PNG specification, section 9.2).
///
/// A filter replaces each byte `x` of a row by its difference (modulo 256) from a prediction made
/// from the corresponding byte of the pixel to its left (`a`), of the row above (`b`) and of the pixel
/// above and to the left (`c`); the decoder adds the prediction back.
enum PNGRowFilter: UInt8, CaseIterable {
  case none = 0, sub, up, average, paeth

  /// Sixteen consecutive bytes of a row.
  ///
  /// A decoder must undo Sub, Average and Paeth byte after byte, since each prediction uses bytes it
  /// has just reconstructed; an encoder knows every raw byte already, so all five filters work on
  /// whole vectors.
  typealias Bytes = SIMD16<UInt8>

  /// Raw bytes `x` and their neighbours, lane for lane.
  struct Neighbourhood {
    /// The bytes being filtered.
    var x: Bytes
    /// The bytes one pixel to the left.
    var a: Bytes
    /// The bytes above.
    var b: Bytes
    /// The bytes one pixel to the left of those above.
    var c: Bytes
  }

  /// The filtered bytes of `n.x`.
  ///
  /// `@inline(always)` here and below: with `@inline(__always)` the compiler left Average and Paeth
  /// as calls inside the row loops, one per 16 bytes.
  @inline(always)
  func apply(to n: Neighbourhood) -> Bytes {
    switch self {
    case .none: n.x
    case .sub: n.x &- n.a
    case .up: n.x &- n.b
    case .average: n.x &- Self.average(n.a, n.b)
    case .paeth: n.x &- Self.paethPredictor(n.a, n.b, n.c)
    }
  }

  /// ⌊(a + b) / 2⌋ without widening: the bits the two share, plus half of those they do not.
  @inline(always)
  static func average(_ a: Bytes, _ b: Bytes) -> Bytes {
    (a & b) &+ ((a ^ b) &>> 1)
  }

  /// Paeth's predictor (section 9.4): whichever of `a`, `b`, `c` is nearest to p = a + b − c,
  /// ties going to `a`, then `b`.
  ///
  /// The distances are |p − a| = |b − c|, |p − b| = |a − c| and |p − c| = |(b − c) + (a − c)|. They
  /// are computed on bytes, without widening to 16 bits: when b − c and a − c have the same sign,
  /// |p − c| is the sum of the other two distances and so never smaller than either; otherwise it is
  /// the difference of the two.
  @inline(always)
  static func paethPredictor(_ a: Bytes, _ b: Bytes, _ c: Bytes) -> Bytes {
    let distanceA = distance(b, c)
    let distanceB = distance(a, c)
    let sameSign = .!((b .>= c) .^ (a .>= c))
    let distanceC = distance(distanceA, distanceB)
    let pickA = (distanceA .<= distanceB) .& (sameSign .| (distanceA .<= distanceC))
    let pickB = sameSign .| (distanceB .<= distanceC)
    return c.replacing(with: b, where: pickB).replacing(with: a, where: pickA)
  }

  /// |x − y| per lane. (`replacing(with:where:)` compiles to single min and max instructions where
  /// `pointwiseMin`/`pointwiseMax` are left as calls.)
  @inline(always)
  private static func distance(_ x: Bytes, _ y: Bytes) -> Bytes {
    x.replacing(with: y, where: y .> x) &- x.replacing(with: y, where: y .< x)
  }
}
