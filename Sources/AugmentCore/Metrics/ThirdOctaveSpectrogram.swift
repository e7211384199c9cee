/// One-third-octave band magnitudes over time (STOI's `X_j(m)`, Taal et al. 2011 eq. 1).
///
/// Frames are windowed, zero-padded to the FFT length and transformed eight at a time; each band's
/// value is `sqrt(Σ |X[k]|²)` over its bins (pystoi: `sqrt(OBM @ |stft|²)`). Values are stored
/// band-major, so a band's envelope over consecutive frames is contiguous.
struct ThirdOctaveSpectrogram: Sendable {
  typealias Lanes = FFTPlan.Lanes

  let bandCount: Int
  let frameCount: Int
  /// `values[band * frameCount + frame]`, followed by `Lanes.scalarCount` zeros so that vector loads
  /// starting at any frame of the last band stay inside the array.
  let values: [Float]

  /// Computes the band magnitudes of the first `frameCount` frames of `signal`.
  init(
    of signal: UnsafeBufferPointer<Float>, frameCount: Int, framing: Framing, plan: RealFFTPlan, bands: ThirdOctaveBands
  ) {
    let bandCount = bands.count, edges = bands.edges
    self.bandCount = bandCount
    self.frameCount = frameCount
    var frames = [Lanes](repeating: .zero, count: framing.frameLength)
    var real = [Lanes](repeating: .zero, count: plan.binCount)
    var imaginary = [Lanes](repeating: .zero, count: plan.binCount)
    let stored = bandCount * frameCount + Lanes.scalarCount
    values = [Float](unsafeUninitializedCapacity: stored) { values, initialized in
      values.initialize(repeating: 0)
      frames.withUnsafeMutableBufferPointer { frames in
        real.withUnsafeMutableBufferPointer { real in
          imaginary.withUnsafeMutableBufferPointer { imaginary in
            for first in stride(from: 0, to: frameCount, by: Lanes.scalarCount) {
              framing.gather(signal, first: first, frameCount: frameCount, into: frames.baseAddress!)
              plan.forward(
                frames.baseAddress!, samples: framing.frameLength, real: real.baseAddress!,
                imaginary: imaginary.baseAddress!)
              let lanes = min(Lanes.scalarCount, frameCount - first)
              for band in 0..<bandCount {
                var energy = Lanes()
                for bin in edges[band]..<edges[band + 1] {
                  energy += real[bin] * real[bin] + imaginary[bin] * imaginary[bin]
                }
                let magnitude = energy.squareRoot()
                let row = values.baseAddress! + band * frameCount + first
                for lane in 0..<lanes { row[lane] = magnitude[lane] }
              }
            }
          }
        }
      }
      initialized = stored
    }
  }
}
