/// The vector width the image kernels process at once: eight samples, two SSE or one AVX register.
typealias FloatVector = SIMD8<Float>

extension UnsafePointer<Float> {
  /// Eight consecutive samples starting here, with no alignment requirement.
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

  /// Writes eight consecutive samples starting here, with no alignment requirement.
  @inline(__always)
  func storeVector(_ vector: FloatVector, at offset: Int = 0) {
    UnsafeMutableRawPointer(self + offset).storeBytes(of: vector, as: FloatVector.self)
  }
}
