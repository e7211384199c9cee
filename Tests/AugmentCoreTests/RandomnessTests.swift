import Testing
@testable import AugmentCore

@Suite struct RandomnessTests {
  /// First outputs of the reference generators, from `Reference/make-randomness-reference.py`, which checks
  /// its transcription of Vigna's C code against the published test vectors before writing them.
  struct Reference: Decodable {
    struct Stream: Decodable {
      var seed: String
      var index: Int?
      var attempt: Int?
      var outputs: [String]
    }
    var splitMix64: [Stream]
    var xoshiro256StarStar: [Stream]
    var samples: [Stream]

    static func load() throws -> Reference { try ReferenceData.load(Self.self, "randomness-reference.json") }
  }

  static func values(_ strings: [String]) throws -> [UInt64] { try strings.map { try #require(UInt64($0)) } }

  /// Includes rand_xoshiro's published SplitMix64 vector (seed 1477776061723855037) and the extremes 0 and
  /// 2⁶⁴ − 1.
  @Test func splitMixMatchesReference() throws {
    let streams = try Reference.load().splitMix64
    #expect(streams.count == 4)
    for stream in streams {
      var rng = SplitMix64(seed: try #require(UInt64(stream.seed)))
      let expected = try Self.values(stream.outputs)
      #expect((0..<expected.count).map { _ in rng.next() } == expected, "seed \(stream.seed)")
    }
  }

  /// Seeded through SplitMix64 as the authors recommend, xoshiro256** gives the reference outputs.
  @Test func xoshiroMatchesReference() throws {
    let streams = try Reference.load().xoshiro256StarStar
    #expect(streams.count == 4)
    for stream in streams {
      var rng = Xoshiro256StarStar(seed: try #require(UInt64(stream.seed)))
      let expected = try Self.values(stream.outputs)
      #expect((0..<expected.count).map { _ in rng.next() } == expected, "seed \(stream.seed)")
    }
  }

  /// A sample's stream is fixed by the run seed, its index and the attempt alone (so manifests replay across
  /// versions), and neighbouring indices and attempts get different streams.
  @Test func sampleStreamsMatchReference() throws {
    let streams = try Reference.load().samples
    #expect(streams.count == 6)
    var seen = Set<[UInt64]>()
    for stream in streams {
      let seed = try #require(UInt64(stream.seed))
      let (index, attempt) = (try #require(stream.index), try #require(stream.attempt))
      var rng = Xoshiro256StarStar.forSample(seed: seed, index: index, attempt: attempt)
      let expected = try Self.values(stream.outputs)
      let outputs = (0..<expected.count).map { _ in rng.next() }
      #expect(outputs == expected, "seed \(seed) index \(index) attempt \(attempt)")
      seen.insert(expected)
    }
    #expect(seen.count == streams.count)
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
