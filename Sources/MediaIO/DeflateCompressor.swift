import CDeflate

/// A libdeflate compressor at one compression level, freed with the value.
///
/// libdeflate compresses a whole buffer in one call rather than a stream, which lets it run several
/// times faster than zlib; its levels 1–9 are meant to compress about as well as zlib's, and level 0
/// writes stored (uncompressed) blocks.
struct DeflateCompressor: ~Copyable {
  private let compressor: OpaquePointer

  /// A compressor at `level` (0…12), or nil when libdeflate cannot allocate one.
  ///
  /// The corresponding C function is `libdeflate_alloc_compressor`.
  init?(level: Int) {
    guard let compressor = libdeflate_alloc_compressor(Int32(level)) else { return nil }
    self.compressor = compressor
  }

  deinit { libdeflate_free_compressor(compressor) }

  /// `input` compressed as a zlib stream (RFC 1950).
  ///
  /// The corresponding C function is `libdeflate_zlib_compress`.
  func zlibCompress(_ input: [UInt8]) -> [UInt8] {
    let capacity = libdeflate_zlib_compress_bound(compressor, input.count)
    return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
      count = input.withUnsafeBytes {
        libdeflate_zlib_compress(compressor, $0.baseAddress, $0.count, output.baseAddress, capacity)
      }
      // libdeflate returns 0 only when the output does not fit, and the bound is the worst case.
      precondition(count > 0, "libdeflate_zlib_compress overflowed its own bound")
    }
  }
}
