/// Float samples quantised to integer PCM levels: `round(x × 2^(bits−1))`, ties to even, clamped to the
/// format's range.
///
/// libsndfile's own float-to-PCM16 conversion scales by 32767 rather than 32768, so a buffer read from a
/// PCM file would not write back sample-exact; these levels are handed to libsndfile's integer interface
/// instead. Rounding adds a constant `1.5 × 2^k` so that the hardware's round-to-nearest-even leaves the
/// level in the low bits of the sum. That needs no call into libm per sample (`rintf` is not inlined for
/// the baseline x86-64 target), and the loops vectorise.
enum PCMLevels {
  /// 16-bit levels, for `sf_writef_short`.
  static func sixteenBit(_ samples: [Float]) -> [Int16] {
    // Every float in [-2^22, 2^22) added to 1.5 × 2^23 lands where floats are exactly 1 apart, and the
    // constant's low 16 bits are zero, so those bits of the sum are the level in two's complement.
    let magic: Float = 12_582_912
    let scale: Float = 32_768, low: Float = -32_768, high: Float = 32_767
    return [Int16](unsafeUninitializedCapacity: samples.count) { output, initialized in
      samples.withUnsafeBufferPointer { input in
        for index in 0..<input.count {
          let level = min(max(input[index] * scale, low), high) + magic
          output[index] = Int16(truncatingIfNeeded: level.bitPattern)
        }
      }
      initialized = samples.count
    }
  }

  /// Levels of up to 31 bits, shifted to the top of an Int32 as libsndfile's `sf_writef_int` expects for
  /// every PCM width. Computed in double precision, where `1.5 × 2^52` plays the part of the rounding constant.
  static func leftJustified(_ samples: [Float], bits: Int) -> [Int32] {
    precondition((8...31).contains(bits), "PCM levels need 8 to 31 bits")
    // The same with doubles: 1.5 × 2^52 has its low 32 bits zero.
    let magic = 6_755_399_441_055_744.0
    let scale = Double(1 << (bits - 1))
    let low = -scale, high = scale - 1
    let shift = Int32(32 - bits)
    return [Int32](unsafeUninitializedCapacity: samples.count) { output, initialized in
      samples.withUnsafeBufferPointer { input in
        for index in 0..<input.count {
          let level = min(max(Double(input[index]) * scale, low), high) + magic
          output[index] = Int32(truncatingIfNeeded: level.bitPattern) << shift
        }
      }
      initialized = samples.count
    }
  }

  /// 16-bit levels as samples, `k / 2^15`.
  static func normalize(_ levels: UnsafeBufferPointer<Int16>, into destination: UnsafeMutablePointer<Float>) {
    let scale: Float = 1 / 32_768
    for index in 0..<levels.count { destination[index] = Float(levels[index]) * scale }
  }
}
