import Dispatch
import Foundation
import MediaIO
import Synchronization
import Testing

@testable import AugmentCore

@Suite struct ParallelDeterminismTests {
  /// Background noise then a telephone channel on 12 clips of 1–4 s: one thread in order, and four
  /// workers taking every fourth sample, give bit-identical audio and identical records, because sample
  /// `i` draws only from `Xoshiro256StarStar.forSample(seed:index:)`.
  @Test func sameSeedSameBitsOnOneAndFourThreads() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: 16_000)
    let noise = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(0...20))
    let shortNoise = try BackgroundNoise(bank: bank, category: "people-noise", snr: .uniform(0...20))
    let telephone = try TelephoneChannel(lowCut: 250...350, highCut: 3200...3500, muLawProbability: 0.5)
    let inputs = (0..<12).map { index in
      AudioBuffer(
        mono: SpeechLikeSignal.make(seconds: 1 + Double(index % 4), sampleRate: 16_000, seed: UInt64(100 + index)),
        sampleRate: 16_000)
    }
    let seed: UInt64 = 2024

    @Sendable func run(_ index: Int) throws -> (AudioBuffer, [AppliedTransform]) {
      var rng = Xoshiro256StarStar.forSample(seed: seed, index: index)
      let (noisy, first) = try (index.isMultiple(of: 3) ? shortNoise : noise)(inputs[index], using: &rng)
      let (narrow, second) = try telephone(noisy, using: &rng)
      return (narrow, [first, second])
    }

    let serial = try inputs.indices.map(run)
    let parallel = Mutex([Int: (AudioBuffer, [AppliedTransform])]())
    let failures = Mutex([String]())
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
      for index in stride(from: worker, to: inputs.count, by: 4) {
        do {
          let result = try run(index)
          parallel.withLock { $0[index] = result }
        } catch {
          failures.withLock { $0.append("\(index): \(error)") }
        }
      }
    }
    #expect(failures.withLock { $0 }.isEmpty)
    let results = parallel.withLock { $0 }
    for index in inputs.indices {
      let (audio, records) = try #require(results[index])
      #expect(audio.channels[0].map(\.bitPattern) == serial[index].0.channels[0].map(\.bitPattern), "sample \(index)")
      #expect(records == serial[index].1, "sample \(index)")
    }
    let distinctClips = Set(try serial.map { try $0.1[0].decodeParameters(BackgroundNoise.Parameters.self).clip })
    #expect(distinctClips.count >= 2)
  }
}
