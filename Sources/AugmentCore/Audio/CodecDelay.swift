/// The delay a codec round trip adds, found as the lag that best aligns the decoded signal with the
/// signal that was encoded.
///
/// libsndfile already removes the delays its containers declare (Opus's pre-skip, the encoder delay and
/// padding in LAME's header), but not every stream declares them (a constant-bitrate MP3 at a low rate
/// decodes about 1 500 frames longer than it was), so the lag is measured rather than assumed: the
/// cross-correlation `r[k] = Σₙ x[n] y[n + k]` over `k` in `0...maximumLag`, evaluated through one FFT
/// as `IDFT(conj X · Y)` with enough zero padding that no lag wraps around. A codec only ever delays,
/// so negative lags are not searched; a silent signal correlates to zero everywhere and gives lag 0.
enum CodecDelay {
  /// The lag in `0...maximumLag` frames at which `decoded` best matches `reference` (the first on a tie).
  static func lag(of decoded: [Float], behind reference: [Float], maximumLag: Int) -> Int {
    let length = max(decoded.count, reference.count) + maximumLag
    var size = 4
    while size < length { size <<= 1 }
    let plan = FFTPlan(count: size)
    var real = [FFTPlan.Lanes](repeating: .init(), count: size)
    var imaginary = [FFTPlan.Lanes](repeating: .init(), count: size)
    // Lane 0 holds the reference, lane 1 the decoded signal; the other lanes stay zero.
    for (index, value) in reference.enumerated() { real[index][0] = value }
    for (index, value) in decoded.enumerated() { real[index][1] = value }
    real.withUnsafeMutableBufferPointer { re in
      imaginary.withUnsafeMutableBufferPointer { im in plan.forward(real: re.baseAddress!, imaginary: im.baseAddress!) }
    }
    // conj(X)·Y into lane 0, conjugated, so a forward transform gives N times the (real) correlation.
    for k in 0..<size {
      let (xr, xi, yr, yi) = (real[k][0], imaginary[k][0], real[k][1], imaginary[k][1])
      real[k] = .init(repeating: 0)
      imaginary[k] = .init(repeating: 0)
      real[k][0] = xr * yr + xi * yi
      imaginary[k][0] = -(xr * yi - xi * yr)
    }
    real.withUnsafeMutableBufferPointer { re in
      imaginary.withUnsafeMutableBufferPointer { im in plan.forward(real: re.baseAddress!, imaginary: im.baseAddress!) }
    }
    var best = 0
    for k in 0...min(maximumLag, size - 1) where real[k][0] > real[best][0] { best = k }
    return best
  }
}
