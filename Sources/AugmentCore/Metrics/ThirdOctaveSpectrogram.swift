/// One-third-octave band magnitudes over time (STOI's `X_j(m)`, Taal et al. 2011 eq. 1).
///
/// Frames are taken as pystoi's `stft` takes them (starts `0, hop, …` strictly below `length − frameLength`),
/// windowed, zero-padded to the FFT length, and each band's value is `sqrt(Σ |X[k]|²)` over its bins.
/// Values are stored band-major, so a band's envelope over consecutive frames is contiguous.
struct ThirdOctaveSpectrogram {
  let bandCount: Int
  let frameCount: Int
  /// `values[band * frameCount + frame]`.
  let values: [Float]

  /// Computes the band magnitudes of `signal`.
  ///
  /// `frameCount` is the number of frames the caller has already derived from the signal's length;
  /// the spectrum buffers are allocated once per signal, not per frame.
  init(
    of signal: [Float], frameCount: Int, hop: Int, window: [Float], plan: RealFFTPlan, bands: ThirdOctaveBands
  ) {
    bandCount = bands.count
    self.frameCount = frameCount
    let bandCount = bands.count, edges = bands.edges
    var frame = [Float](repeating: 0, count: window.count)
    var real = [Float](repeating: 0, count: plan.binCount)
    var imaginary = [Float](repeating: 0, count: plan.binCount)
    values = [Float](unsafeUninitializedCapacity: bandCount * frameCount) { values, initialized in
      signal.withUnsafeBufferPointer { signal in
        window.withUnsafeBufferPointer { window in
          frame.withUnsafeMutableBufferPointer { frame in
            real.withUnsafeMutableBufferPointer { real in
              imaginary.withUnsafeMutableBufferPointer { imaginary in
                for index in 0..<frameCount {
                  Window.apply(window, to: signal.baseAddress! + index * hop, into: frame.baseAddress!)
                  plan.forward(UnsafeBufferPointer(frame), real: real.baseAddress!, imaginary: imaginary.baseAddress!)
                  for band in 0..<bandCount {
                    var energy: Float = 0
                    for bin in edges[band]..<edges[band + 1] {
                      energy += real[bin] * real[bin] + imaginary[bin] * imaginary[bin]
                    }
                    values[band * frameCount + index] = energy.squareRoot()
                  }
                }
              }
            }
          }
        }
      }
      initialized = bandCount * frameCount
    }
  }
}
