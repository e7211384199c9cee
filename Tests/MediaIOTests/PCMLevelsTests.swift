import CSndFile
import Testing

@testable import MediaIO

/// PCM levels against the rules they document and against libsndfile.
@Suite struct PCMLevelsTests {
  /// Ties on both sides of zero, the clamp at both ends, and a thousand values spread over ±1.05.
  static func samples(bits: Int) -> [Float] {
    let scale = Float(1 << (bits - 1))
    var samples: [Float] = [0.5 / scale, 1.5 / scale, 2.5 / scale, -0.5 / scale, -1.5 / scale, 1.0, -1.0, 1.7, -3, 0]
    var generator = LinearCongruential(seed: UInt64(bits))
    samples += (0..<1_003).map { _ in Float(Int(generator.next() % 4_000_001) - 2_000_000) / 1_900_000 }
    return samples
  }

  /// The documented rule, computed the slow way.
  static func expectedLevels(_ samples: [Float], bits: Int) -> [Int] {
    let scale = Double(1 << (bits - 1))
    return samples.map { Int(min(max(Double($0) * scale, -scale), scale - 1).rounded(.toNearestOrEven)) }
  }

  @Test func sixteenBitLevels() {
    let samples = Self.samples(bits: 16)
    let expected = Self.expectedLevels(samples, bits: 16)
    #expect(PCMLevels.sixteenBit(samples).map(Int.init) == expected)
    #expect(Array(expected[0..<7]) == [0, 2, 2, 0, -2, 32_767, -32_768])
  }

  @Test(arguments: [16, 24])
  func leftJustifiedLevels(bits: Int) {
    let samples = Self.samples(bits: bits)
    let shift = 32 - bits
    let expected = Self.expectedLevels(samples, bits: bits)
    #expect(PCMLevels.leftJustified(samples, bits: bits).map { Int($0) >> shift } == expected)
    #expect(PCMLevels.leftJustified(samples, bits: bits).allSatisfy { $0 & ((1 << Int32(shift)) - 1) == 0 })
    #expect(expected[5] == (1 << (bits - 1)) - 1 && expected[6] == -(1 << (bits - 1)))
  }

  /// 16-bit PCM is read as integers and converted by ``PCMLevels/normalize(_:into:)``; every one of the
  /// 65,536 levels must give the same float as libsndfile's own `sf_readf_float`.
  @Test func sixteenBitReadMatchesLibsndfilesFloatConversion() throws {
    let folder = try TemporaryFolder()
    let levels = (Int(Int16.min)...Int(Int16.max)).map { Float($0) / 32_768 }
    let url = folder.file("every-level.wav")
    try AudioFile.write(AudioBuffer(mono: levels, sampleRate: 16_000), to: url, as: .wavPCM16)
    var info = SF_INFO()
    let handle = try #require(sf_open(url.path, Int32(SFM_READ), &info))
    defer { sf_close(handle) }
    var viaLibsndfile = [Float](repeating: .nan, count: levels.count)
    #expect(sf_readf_float(handle, &viaLibsndfile, sf_count_t(levels.count)) == levels.count)
    let ours = try AudioFile.read(from: url).buffer.channels[0]
    #expect(ours.map(\.bitPattern) == viaLibsndfile.map(\.bitPattern))
    #expect(ours == levels)
  }
}
