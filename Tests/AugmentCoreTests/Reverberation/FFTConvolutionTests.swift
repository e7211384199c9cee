import Foundation
import Testing

@testable import AugmentCore

@Suite struct FFTConvolutionTests {
  /// `Reference/make-convolution-reference.py`: SciPy's `fftconvolve(x, h, mode="full")` in float64.
  struct Reference: Decodable {
    struct Case: Decodable {
      var count: Int
      var responseCount: Int
      var stride: Int
      var output: [Double]
    }
    var cases: [Case]
  }

  /// The full convolution equals SciPy's for one-sample inputs, a signal shorter than the response, one
  /// block, several, and more than eight (two passes of the lanes), within 2e-6 of the output's peak
  /// (measured: at most 2.3e-7 of the peak, Float against Double).
  @Test func matchesSciPyFFTConvolve() throws {
    let reference = try ReferenceData.load(Reference.self, "convolution-reference.json")
    #expect(reference.cases.count == 8)
    for item in reference.cases {
      let signal = SyntheticSignals.whiteNoise(count: item.count, seed: UInt32(item.count))
      let response = SyntheticSignals.whiteNoise(count: item.responseCount, seed: UInt32(item.responseCount + 1000))
      let output = FFTConvolution(impulseResponse: response).convolve(signal)
      #expect(output.count == item.count + item.responseCount - 1)
      let expected = item.output
      let peak = expected.map(abs).max()!
      let sampled = Swift.stride(from: 0, to: output.count, by: item.stride).map { Double(output[$0]) }
      #expect(sampled.count == expected.count)
      let error = zip(sampled, expected).map { abs($0 - $1) }.max()! / peak
      #expect(error < 2e-6, "signal \(item.count), response \(item.responseCount): relative error \(error)")
    }
  }

  /// A unit impulse returns the response itself; a delayed one shifts it; an empty signal gives nothing.
  @Test func impulsesReturnTheResponse() {
    let response: [Float] = [0.5, -0.25, 0.125, 1]
    let convolution = FFTConvolution(impulseResponse: response)
    #expect(zip(convolution.convolve([1]), response).allSatisfy { abs($0 - $1) < 1e-6 })
    let delayed = convolution.convolve([0, 0, 1, 0])
    for (index, value) in [0, 0, 0.5, -0.25, 0.125, 1, 0].enumerated() {
      #expect(abs(delayed[index] - Float(value)) < 1e-6)
    }
    #expect(convolution.convolve([]).isEmpty)
  }
}
