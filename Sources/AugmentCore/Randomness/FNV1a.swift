/// FNV-1a over UTF-8, for seeds and hashes that must be stable across processes.
///
/// `Hasher` and `hashValue` are randomised per process, so they never feed a seed.
public enum FNV1a {
  public static func hash64<S: StringProtocol>(_ text: S) -> UInt64 {
    hash64(bytes: text.utf8)
  }

  public static func hash64<C: Collection<UInt8>>(bytes: C) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}
