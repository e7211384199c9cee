import Testing
@testable import AugmentCore

@Suite struct RandomnessTests {
  /// Reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
  @Test func splitMixMatchesReference() {
    var rng = SplitMix64(seed: 1_234_567)
    let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]
    #expect((0..<3).map { _ in rng.next() } == expected)
  }

  @Test func sampleStreamsDependOnlyOnSeedAndIndex() {
    var a = Xoshiro256StarStar.forSample(seed: 7, index: 41)
    _ = Xoshiro256StarStar.forSample(seed: 7, index: 40)
    var b = Xoshiro256StarStar.forSample(seed: 7, index: 41)
    #expect((0..<8).map { _ in a.next() } == (0..<8).map { _ in b.next() })
    var c = Xoshiro256StarStar.forSample(seed: 7, index: 42)
    var d = Xoshiro256StarStar.forSample(seed: 7, index: 41, attempt: 1)
    var e = Xoshiro256StarStar.forSample(seed: 7, index: 41)
    let reference = (0..<4).map { _ in e.next() }
    #expect((0..<4).map { _ in c.next() } != reference)
    #expect((0..<4).map { _ in d.next() } != reference)
  }

  @Test func uniformStaysInRangeAndCoversIt() {
    var rng = Xoshiro256StarStar(seed: 99)
    let draws = (0..<10_000).map { _ in rng.uniform(in: 3...15) }
    #expect(draws.allSatisfy { (3...15).contains($0) })
    #expect(draws.min()! < 3.1 && draws.max()! > 14.9)
    var counts = [Int](repeating: 0, count: 5)
    for _ in 0..<50_000 { counts[rng.index(below: 5)] += 1 }
    #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
  }

  /// FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector).
  @Test func fnvMatchesPublishedVector() {
    #expect(FNV1a.hash64("a") == 0xAF63_DC4C_8601_EC8C)
    #expect(FNV1a.hash64("") == 0xCBF2_9CE4_8422_2325)
  }
}
