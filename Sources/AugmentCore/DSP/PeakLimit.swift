/// Keeps gains from pushing a signal past full scale: the whole signal is scaled down instead of clipped.
public enum PeakLimit {
  /// The largest magnitude a result may reach: 32767/32768, the largest value 16- and 24-bit PCM
  /// store without clamping, so writing the result never clips either.
  public static let ceiling: Float = 32767 / 32768

  /// The factor (≤ 1) that brings a signal whose peak is `peak` to at most ``ceiling``; 1 when it already fits.
  public static func gain(forPeak peak: Float) -> Double {
    peak > ceiling ? Double(ceiling) / Double(peak) : 1
  }
}
