/// ITU-T G.711 μ-law, the 8-bit companding of North American and Japanese telephone networks.
///
/// Samples map to 16-bit linear PCM (`x × 32768`, rounded and clamped), then to the G.711 code:
/// sign, 3-bit segment and 4-bit step of the biased magnitude (bias 0x84, magnitude clipped at 32635),
/// all bits inverted. Decoding gives the segment midpoints of the G.711 table, ±32124 at the extremes.
public enum MuLaw {
  private static let bias: Int32 = 0x84
  private static let clip: Int32 = 32635

  /// The μ-law code of one sample (nominal range −1…1).
  public static func encode(_ sample: Float) -> UInt8 {
    let scaled = (sample * 32768).rounded()
    let linear = scaled.isNaN ? 0 : Int32(min(max(scaled, -32768), 32767))
    let sign: Int32 = linear < 0 ? 0x80 : 0
    let magnitude = min(abs(linear), clip) + bias
    // The segment is the position of the highest set bit above bit 7 of the biased magnitude.
    let highestBit = 31 - Int32(magnitude.leadingZeroBitCount)
    let segment = max(0, highestBit - 7)
    let step = (magnitude >> (segment + 3)) & 0x0F
    return ~UInt8(truncatingIfNeeded: sign | (segment << 4) | step)
  }

  /// The sample a μ-law code stands for.
  public static func decode(_ code: UInt8) -> Float { decodeTable[Int(code)] }

  private static let decodeTable: [Float] = (0...255).map { code in
    let bits = Int32(~UInt8(code))
    let magnitude = (((bits & 0x0F) << 3) + bias) << ((bits >> 4) & 0x07)
    let linear = bits & 0x80 != 0 ? bias - magnitude : magnitude - bias
    return Float(linear) / 32768
  }

  /// Passes every sample through an encode–decode round trip, in place.
  public static func quantize(_ samples: inout [Float]) {
    samples.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices { buffer[index] = decode(encode(buffer[index])) }
    }
  }
}
