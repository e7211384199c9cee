import AugmentCore
import MediaIO
import Testing

@Suite struct SensorNoiseTests {
  @Test func addsNoiseOfTheDrawnDeviationAndKeepsAlpha() throws {
    let source = Image(width: 128, height: 128, layout: .grayAlpha, bitDepth: .sixteen, filledWith: 0.5)
    var rng = Xoshiro256StarStar(seed: 5)
    let noise = SensorNoise(sigma: 0.01...0.03)
    let (output, record) = try noise(source, using: &rng)
    let parameters = try record.decodeParameters(SensorNoise.Parameters.self)
    let gray = stride(from: 0, to: output.pixels.count, by: 2).map { Double(output.pixels[$0]) - 0.5 }
    let mean = gray.reduce(0, +) / Double(gray.count)
    let deviation = (gray.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gray.count)).squareRoot()
    // 16 384 samples: the mean is within 4 standard errors of 0 and the deviation within 3 % of sigma.
    #expect(abs(mean) < 4 * parameters.sigma / 128)
    #expect(abs(deviation / parameters.sigma - 1) < 0.03)
    // Gaussian, not merely of the right deviation: the shares within 1σ and 2σ are 0.6827 and 0.9545
    // (normal CDF), each held to 4 standard errors of a share over 16 384 samples (0.015 and 0.007).
    let within = { (k: Double) in Double(gray.filter { abs($0) <= k * parameters.sigma }.count) / Double(gray.count) }
    #expect(abs(within(1) - 0.6827) < 0.015, "\(within(1))")
    #expect(abs(within(2) - 0.9545) < 0.007, "\(within(2))")
    #expect(stride(from: 1, to: output.pixels.count, by: 2).allSatisfy { output.pixels[$0] == 0.5 })
    #expect(try noise.replay(record, on: source) == output)
  }

  @Test func saturatesInsteadOfLeavingTheRange() throws {
    let black = Image(width: 32, height: 32, layout: .rgb, bitDepth: .eight, filledWith: 0)
    let output = try SensorNoise().apply(.init(sigma: 0.1, noiseSeed: 9), to: black)
    #expect(output.pixels.allSatisfy { (0...1).contains($0) })
    #expect(output.pixels.contains { $0 > 0 })
  }
}
