import Foundation
import Testing

@testable import AugmentCore

@Suite struct NoiseTrackTests {
  static let rate = 16_000

  /// Across every seam of a looped clip, no step between neighbouring samples is larger than the largest
  /// step inside the clip itself; without the crossfade each seam would jump by the clip's end-to-start
  /// difference, more than ten times that step.
  @Test(arguments: [320, 800, 1600])
  func seamsAreNoRougherThanTheClip(crossfade: Int) {
    let clip = NoiseBankFixture.shortLoopClip(sampleRate: Self.rate)
    let ownLargestStep = zip(clip.dropFirst(), clip).map { abs($0 - $1) }.max()!
    #expect(abs(clip.last! - clip.first!) > 10 * ownLargestStep)

    let length = 4 * Self.rate
    for offset in [0, 3_000, clip.count - crossfade - 1] {
      let track = NoiseTrack.make(from: clip, offset: offset, length: length, crossfade: crossfade)
      let seams = NoiseTrack.seamStarts(clipLength: clip.count, offset: offset, length: length, crossfade: crossfade)
      #expect(seams.count >= 5)
      for seam in seams {
        let region = max(seam - 1, 0)..<min(seam + crossfade + 1, length - 1)
        let largestStep = region.map { abs(track[$0 + 1] - track[$0]) }.max()!
        #expect(largestStep <= ownLargestStep, "seam at \(seam): step \(largestStep) > \(ownLargestStep)")
      }
    }
  }

  /// Outside the seams the track is the clip itself, starting at `offset`.
  @Test func loopedTrackCopiesTheClipBetweenSeams() {
    let clip = NoiseBankFixture.shortLoopClip(sampleRate: Self.rate)
    let crossfade = 800, offset = 1_234, period = clip.count - crossfade
    let track = NoiseTrack.make(from: clip, offset: offset, length: 3 * Self.rate, crossfade: crossfade)
    #expect(Array(track[0..<(period - offset)]) == Array(clip[offset..<period]))
    let secondBody = (period - offset + crossfade)..<(2 * period - offset)
    #expect(Array(track[secondBody]) == Array(clip[crossfade..<period]))
  }

  /// sin² + cos² = 1: uncorrelated noise keeps its power through a seam.
  @Test func crossfadeIsEqualPower() {
    let clip = NoiseBankFixture.whiteNoise(seconds: 0.5, sampleRate: Self.rate, seed: 41)
    let crossfade = 1_000
    let length = 40 * Self.rate
    let track = NoiseTrack.make(from: clip, offset: 0, length: length, crossfade: crossfade)
    let seams = NoiseTrack.seamStarts(clipLength: clip.count, offset: 0, length: length, crossfade: crossfade)
    let inSeams = seams.flatMap { seam in track[seam..<min(seam + crossfade, length)] }
    let ratio = SignalMath.meanSquare(inSeams) / SignalMath.meanSquare(clip)
    #expect(abs(10 * log10(ratio)) < 0.2)
  }

  @Test func longClipIsCutAtTheOffset() {
    let clip = (0..<1000).map(Float.init)
    #expect(!NoiseTrack.needsLoop(clipLength: 1000, length: 300))
    #expect(NoiseTrack.offsetCount(clipLength: 1000, length: 300, crossfade: 0) == 701)
    #expect(NoiseTrack.make(from: clip, offset: 700, length: 300, crossfade: 0) == Array(clip[700..<1000]))
    #expect(NoiseTrack.seamStarts(clipLength: 1000, offset: 700, length: 300, crossfade: 0).isEmpty)
  }

  /// The borrowed track is the built one, whether the clip is cut (a view of it) or looped (a copy).
  @Test(arguments: [(offset: 123, length: 400), (offset: 250, length: 2_500)])
  func borrowedTrackEqualsTheBuiltOne(offset: Int, length: Int) {
    let clip = (0..<1000).map { Float(sin(Double($0) * 0.37)) }
    let crossfade = NoiseTrack.needsLoop(clipLength: clip.count, length: length) ? 100 : 0
    let built = NoiseTrack.make(from: clip, offset: offset, length: length, crossfade: crossfade)
    let borrowed = NoiseTrack.withTrack(from: clip, offset: offset, length: length, crossfade: crossfade) { Array($0) }
    #expect(borrowed == built)
    #expect(borrowed.count == length)
  }
}
