import Testing

@testable import AugmentCore

/// Silent-frame removal on a small framing (4-sample frames, hop 2) where every step can be followed by hand.
@Suite struct SilentFrameRemovalTests {
  static let removal = SilentFrameRemoval(framing: Framing(window: [0.5, 1, 1, 0.5], hop: 2), dynamicRange: 40)

  /// Frames start at 0, 2, 4, …; frame 2 (samples 4–7) is 60 dB below the others and is dropped, frame 3
  /// (samples 6–9) reaches into the loud part and is kept.
  @Test func quietFramesAreDroppedAndLoudOnesKept() {
    var signal = [Float](repeating: 1, count: 14)
    for i in 4..<6 { signal[i] = 0.001 }
    for i in 6..<8 { signal[i] = 0.0005 }
    let kept = signal.withUnsafeBufferPointer { Self.removal.keptFrames(of: $0) }
    #expect(Self.removal.frameCount(length: 14) == 5)
    #expect(kept == [0, 1, 3, 4])
  }

  /// Overlapping and touching frames merge into one span; a gap starts a new one.
  @Test func spansCoverTheKeptFrames() {
    #expect(Self.removal.spans(of: [0, 1, 3, 4]) == [0..<12])
    #expect(Self.removal.spans(of: [0, 3, 4, 7]) == [0..<4, 6..<12, 14..<18])
    #expect(Self.removal.spans(of: []) == [])
  }

  /// Overlap-adding in place gives what overlap-adding into a separate buffer gives: output block `p`
  /// (samples `2p, 2p + 1`) is the second half of kept frame `p − 1` plus the first half of kept frame `p`.
  @Test func overlapAddInPlaceMatchesTheDefinition() {
    let signal = (0..<20).map { Float($0 * $0 % 7) + 1 }
    let window: [Float] = [0.5, 1, 1, 0.5]
    let kept = [0, 2, 3, 7, 8]
    var expected = [Float](repeating: 0, count: (kept.count - 1) * 2 + 4)
    for (position, frame) in kept.enumerated() {
      for n in 0..<4 { expected[position * 2 + n] += window[n] * signal[frame * 2 + n] }
    }
    var result = signal
    let length = result.withUnsafeMutableBufferPointer { Self.removal.overlapAdd(frames: kept, inPlace: $0) }
    #expect(length == expected.count)
    #expect(Array(result[..<length]) == expected)
    #expect(result.withUnsafeMutableBufferPointer { Self.removal.overlapAdd(frames: [], inPlace: $0) } == 0)
  }
}
