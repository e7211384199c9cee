/// The vector width the image kernels process at once: sixteen samples, four SSE registers (wider
/// than one register so each loop iteration has independent work to overlap; measured ~20 % faster
/// than eight on the Gaussian blur).
typealias FloatVector = SIMD16<Float>

extension UnsafePointer<Float> {
  /// One vector of consecutive samples starting here, with no alignment requirement.
  @inline(__always)
  func loadVector(at offset: Int = 0) -> FloatVector {
    UnsafeRawPointer(self + offset).loadUnaligned(as: FloatVector.self)
  }
}

extension UnsafeMutablePointer<Float> {
  @inline(__always)
  func loadVector(at offset: Int = 0) -> FloatVector {
    UnsafeRawPointer(self + offset).loadUnaligned(as: FloatVector.self)
  }

  /// Writes one vector of consecutive samples starting here, with no alignment requirement.
  @inline(__always)
  func storeVector(_ vector: FloatVector, at offset: Int = 0) {
    UnsafeMutableRawPointer(self + offset).storeBytes(of: vector, as: FloatVector.self)
  }
}

extension SIMD16<Float> {
  /// Each lane limited to `0...1`. Written as compare-and-select because the standard library's
  /// `clamped(lowerBound:upperBound:)` and `pointwiseMin`/`pointwiseMax` compile to per-lane code
  /// (they must order NaN), several times slower here.
  @inline(__always)
  var clampedToUnit: Self {
    let raised = replacing(with: 0, where: self .< 0)
    return raised.replacing(with: 1, where: raised .> 1)
  }
}
