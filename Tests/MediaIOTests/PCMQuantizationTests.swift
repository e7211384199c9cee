import Testing

@testable import MediaIO

/// The vectorised PCM quantiser against the rule it documents, on values that exercise every branch.
@Suite struct PCMQuantizationTests {
  @Test(arguments: [16, 24])
  func matchesTheDocumentedRule(bits: Int) {
    let scale = Float(1 << (bits - 1))
    // Ties on both sides of zero, the clamp at both ends, and a length that leaves a partial last vector.
    var samples: [Float] = [0.5 / scale, 1.5 / scale, 2.5 / scale, -0.5 / scale, -1.5 / scale, 1.0, -1.0, 1.7, -3, 0]
    var generator = LinearCongruential(seed: UInt64(bits))
    samples += (0..<1_003).map { _ in Float(Int(generator.next() % 4_000_001) - 2_000_000) / 1_900_000 }
    let expected = samples.map { sample -> Int32 in
      Int32(min(max(sample * scale, -scale), scale - 1).rounded(.toNearestOrEven)) << Int32(32 - bits)
    }
    #expect(SoundFileHandle.leftJustifiedLevels(samples, bits: bits) == expected)
    #expect(SoundFileHandle.leftJustifiedLevels(Array(samples[0..<5]), bits: bits)[0..<5] == expected[0..<5])
    #expect(expected[0] == 0 && expected[1] == 2 << Int32(32 - bits) && expected[2] == 2 << Int32(32 - bits))
    #expect(expected[5] == Int32(scale - 1) << Int32(32 - bits) && expected[6] == Int32(-scale) << Int32(32 - bits))
  }
}
