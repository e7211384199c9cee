/// ITU-T G.711 μ-law, the 8-bit companding of North American and Japanese telephone networks.
///
/// Follows Sun Microsystems' public-domain `g711.c` (the implementation behind CPython's `audioop`):
/// a sample maps to 16-bit linear PCM (`x × 32768`, rounded and clamped), keeps its top 14 bits, and the
/// biased magnitude (bias 33, clipped at 8159) becomes sign, 3-bit segment and 4-bit step, all bits
/// inverted. Decoding gives the segment midpoints of the G.711 table, ±32124 at the extremes.
public enum MuLaw {
  /// The μ-law code of one sample (nominal range −1…1; NaN codes as silence).
  public static func encode(_ sample: Float) -> UInt8 {
    let scaled = sample * 32768
    let clamped = scaled.isNaN ? 0 : min(max(scaled, -32768), 32767)
    // Rounded half away from zero by truncation (exact in Double), which avoids a library call per sample.
    let linear = Int32(Double(clamped) + (clamped < 0 ? -0.5 : 0.5))
    var magnitude = linear >> 2
    let mask: Int32 = magnitude < 0 ? 0x7F : 0xFF
    magnitude = min(abs(magnitude), 8159) + 0x21
    // Segment s holds biased magnitudes below 2^(6+s).
    let segment = max(0, 32 - Int32(magnitude.leadingZeroBitCount) - 6)
    guard segment < 8 else { return UInt8(0x7F ^ mask) }
    return UInt8(((segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)) ^ mask)
  }

  /// The sample a μ-law code stands for.
  public static func decode(_ code: UInt8) -> Float { decodeTable[Int(code)] }

  private static let decodeTable: [Float] = (0...255).map { code in
    let bias: Int32 = 0x84
    let bits = Int32(~UInt8(code))
    let magnitude = (((bits & 0x0F) << 3) + bias) << ((bits >> 4) & 0x07)
    let linear = bits & 0x80 != 0 ? bias - magnitude : magnitude - bias
    return Float(linear) / 32768
  }

  /// Passes every sample through an encode–decode round trip, in place.
  public static func quantize(_ samples: inout [Float]) {
    decodeTable.withUnsafeBufferPointer { table in
      samples.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] = table[Int(encode(buffer[index]))] }
      }
    }
  }
}
