extension Array where Element == Biquad {
  /// Runs the cascade over `samples` forwards, then backwards over the result (as `scipy.signal.filtfilt`
  /// does, from a zero state and without padding): the magnitude response squared and no phase shift, so
  /// a peak stays on its frame.
  public func applyZeroPhase(to samples: inout [Float]) {
    apply(to: &samples)
    samples.reverse()
    apply(to: &samples)
    samples.reverse()
  }
}
