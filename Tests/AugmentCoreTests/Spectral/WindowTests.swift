import Testing

@testable import AugmentCore

@Suite struct WindowTests {
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

  @Test(arguments: [5, 8, 21, 256])
  func applyMultipliesSampleBySample(count: Int) {
    let window = Window.hanning(count: count)
    let frame = (0..<count).map { Float($0) - 7.5 }
    var output = [Float](repeating: .nan, count: count)
    window.withUnsafeBufferPointer { window in
      frame.withUnsafeBufferPointer { frame in
        output.withUnsafeMutableBufferPointer { output in
          Window.apply(window, to: frame.baseAddress!, into: output.baseAddress!)
        }
      }
    }
    #expect(output == zip(frame, window).map { $0 * $1 })
  }
}
