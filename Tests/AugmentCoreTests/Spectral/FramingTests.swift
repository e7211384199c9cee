import Testing

@testable import AugmentCore

@Suite struct FramingTests {
  /// MATLAB's `hanning(3)` is `[0.5; 1; 0.5]` and `hanning(1)` is `1` (numpy: `np.hanning(5)[1:-1]`, `np.hanning(3)[1:-1]`).
  @Test func hanningMatchesMatlab() {
    #expect(Window.hanning(count: 3) == [0.5, 1, 0.5])
    #expect(Window.hanning(count: 1) == [1])
    let w = Window.hanning(count: 256)
    #expect(w.allSatisfy { $0 > 0 && $0 < 1 })
    #expect((0..<128).allSatisfy { w[$0] == w[255 - $0] })
    // First sample: ½ − ½ cos(2π/257).
    #expect(abs(w[0] - 1.4942108e-4) < 1e-10)
  }

  /// Lane `l` of element `n` is sample `(first + l)·hop + n` times `window[n]`; lanes past the last frame are zero.
  @Test(arguments: [0, 8, 16])
  func gatherTransposesWindowedFrames(first: Int) {
    let window: [Float] = [0.5, 1, 2, 4, 8]
    let framing = Framing(window: window, hop: 3)
    let signal = (0..<100).map { Float($0) }
    let frameCount = 19
    var output = [Framing.Lanes](repeating: Framing.Lanes(repeating: .nan), count: window.count)
    signal.withUnsafeBufferPointer { framing.gather($0, first: first, frameCount: frameCount, into: &output) }
    for n in window.indices {
      for lane in 0..<Framing.Lanes.scalarCount {
        let frame = first + lane
        let expected = frame < frameCount ? Float(frame * 3 + n) * window[n] : 0
        #expect(output[n][lane] == expected, "sample \(n) of frame \(frame)")
      }
    }
  }
}
