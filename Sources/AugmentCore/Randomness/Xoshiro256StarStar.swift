/// xoshiro256** (Blackman and Vigna 2018), the generator every transform draws from.
///
/// Each sample of a run gets its own generator from ``forSample(seed:index:attempt:)``, so what
/// sample `i` draws never depends on how many other samples, shards or threads ran before it.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  /// Seeds the four state words from SplitMix64, as the authors recommend.
  public init(seed: UInt64) {
    var expander = SplitMix64(seed: seed)
    s0 = expander.next()
    s1 = expander.next()
    s2 = expander.next()
    s3 = expander.next()
  }

  /// The independent stream for one sample of a run, and for one redraw (`attempt`) of it.
  public static func forSample(seed: UInt64, index: Int, attempt: Int = 0) -> Xoshiro256StarStar {
    var mixer = SplitMix64(seed: seed)
    let base = mixer.next()
    var indexMixer = SplitMix64(seed: base ^ UInt64(truncatingIfNeeded: index))
    let perIndex = indexMixer.next()
    var attemptMixer = SplitMix64(seed: perIndex ^ UInt64(truncatingIfNeeded: attempt) &* 0xD1B5_4A32_D192_ED03)
    return Xoshiro256StarStar(seed: attemptMixer.next())
  }

  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }
}
