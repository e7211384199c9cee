import Foundation

/// The direct-to-reverberant ratio of an impulse response, as the ACE challenge defines it.
///
/// Eaton et al. (2016, "Estimation of room acoustic parameters: the ACE challenge", IEEE/ACM TASLP 24(10))
/// take the direct path as the samples within ±2.5 ms of the response's largest magnitude, and the
/// reverberation as every sample after that window: `DRR = 10·log₁₀(Σ_direct h² / Σ_after h²)` dB. The window
/// holds the band-limited spread of the direct impulse at any rate, and little of the first reflection.
public enum DirectToReverberantRatio {
  /// Half the direct-path window, in seconds.
  public static let halfWindowSeconds = 0.0025

  /// The index of the direct path: the response's largest magnitude (the first, on ties); nil when silent.
  public static func directIndex(_ response: [Float]) -> Int? {
    var peak: Int?
    var largest: Float = 0
    for (index, value) in response.enumerated() where abs(value) > largest {
      (peak, largest) = (index, abs(value))
    }
    return peak
  }

  /// The ratio in dB, or nil when the response is silent or holds nothing after the direct window.
  public static func decibels(_ response: [Float], sampleRate: Int) -> Double? {
    guard let peak = directIndex(response) else { return nil }
    let half = Int((halfWindowSeconds * Double(sampleRate)).rounded())
    let windowEnd = min(peak + half + 1, response.count)
    func energy(_ range: Range<Int>) -> Double { response[range].reduce(0) { $0 + Double($1) * Double($1) } }
    let direct = energy(max(peak - half, 0)..<windowEnd)
    let reverberant = energy(windowEnd..<response.count)
    return reverberant > 0 ? 10 * log10(direct / reverberant) : nil
  }
}
