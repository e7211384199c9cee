import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// A source analysed once by the recipe's first transform gives every candidate the parameters and
/// output that analysing it afresh gives; later transforms, which see a candidate, are not handed it.
@Suite struct FirstStepAnalysisTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Draws `count` candidates from `input` through `chain` with one kept analysis and without, and
  /// checks that both give the same records and outputs.
  static func expectSameCandidates<Media: Sendable & Equatable>(
    _ chain: TransformChain<Media>, from input: Media, count: Int
  ) throws -> FirstStepAnalysis {
    let kept = FirstStepAnalysis()
    for index in 0..<count {
      var (first, second) = (
        Xoshiro256StarStar.forSample(seed: 9, index: index), Xoshiro256StarStar.forSample(seed: 9, index: index)
      )
      let analysed = try chain.apply(to: input, using: &first, sourceAnalysis: kept)
      let fresh = try chain.apply(to: input, using: &second)
      #expect(analysed.1 == fresh.1 && analysed.0 == fresh.0, "candidate \(index)")
    }
    return kept
  }

  @Test func aSpotlightedSourceIsAnalysedOnce() throws {
    let image = try ImageFile.read(from: Self.root.appendingPathComponent("samples/images/img047.png")).image
    let spotlight = Spotlight(targetLuminance: .uniform(0.05...0.15), surround: 0.05...0.1, falloff: 0.3...0.6)
    let chain = TransformChain<Image>(transforms: [spotlight, SensorNoise(sigma: 0.006...0.008)])
    let kept = try Self.expectSameCandidates(chain, from: image, count: 4)
    var analysedAgain = false
    let analysis = kept.value { () -> Spotlight.Analysis in
      analysedAgain = true
      return spotlight.analyse(image)
    }
    #expect(!analysedAgain)
    #expect(analysis.object == ObjectRegion(locatedIn: image))
  }

  @Test func aNoisedSourceIsMeasuredOnce() throws {
    let clip = try AudioFile.read(from: Self.root.appendingPathComponent("samples/speech/clean/s001.wav")).buffer
    let bank = try NoiseBank(root: Self.root.appendingPathComponent("noise-banks"), sampleRate: clip.sampleRate)
    let noise = try BackgroundNoise(bank: bank, category: "car", snr: .uniform(3...15))
    let chain = TransformChain<AudioBuffer>(transforms: [noise])
    let kept = try Self.expectSameCandidates(chain, from: clip, count: 4)
    var measuredAgain = false
    let power = kept.value { () -> Double in
      measuredAgain = true
      return noise.analyse(clip)
    }
    #expect(!measuredAgain)
    #expect(power == SpeechLevel.activeLevel(SignalMath.average(of: clip.channels), sampleRate: clip.sampleRate).meanSquare)
    #expect(power > 0)
  }
}
