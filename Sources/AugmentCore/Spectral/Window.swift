import Foundation

/// Analysis windows.
public enum Window {
  /// MATLAB's `hanning(count)`: the symmetric Hann window of `count + 2` points with its two zero
  /// end points dropped, `w[n] = ½ − ½ cos(2π(n + 1)/(count + 1))` (numpy: `np.hanning(count + 2)[1:-1]`).
  ///
  /// This is the window of the reference STOI implementation; unlike `np.hanning(count)` no sample is zero.
  public static func hanning(count: Int) -> [Float] {
    (0..<count).map { n in Float(0.5 - 0.5 * cos(2 * Double.pi * Double(n + 1) / Double(count + 1))) }
  }
}
