import Foundation

/// Active speech level per ITU-T P.56 method B, following the ITU-T G.191 reference
/// implementation (`sv-p56.c`, `speech_voltmeter`).
///
/// The envelope is `|x|` smoothed twice by a one-pole filter with a 0.03 s time constant
/// (`g = exp(-1 / (0.03 fs))`). Fifteen thresholds `c_j = 2^(j-15)`, j = 0…14, are spaced 6.02 dB apart
/// from one 16-bit quantum (2⁻¹⁵) up to half of full scale. A sample counts as active for threshold
/// `c_j` while the envelope is at or above it, and for a hangover of `round(0.2 fs)` samples after it
/// drops below (the hangover counters start expired, so nothing before the first sound counts).
/// For each threshold `A_j = 10 log10(Σx² / a_j)` is the level over its `a_j` active samples; the
/// active speech level is where `A_j − 20 log10 c_j` falls to the 15.9 dB margin, interpolated
/// linearly in dB between the two thresholds that bracket it. (The reference bisects to a 0.5 dB
/// tolerance; the value here is the exact point that bisection converges to.) The activity factor is
/// the long-term mean square over the active level. Silence before, between and after speech
/// therefore lowers the activity factor but not the active level.
public enum SpeechLevel {
  /// The active speech level of a signal.
  public struct Measurement: Sendable, Equatable {
    /// `10 log10` of the mean square over active samples, re full scale (a full-scale sine is −3.01 dB);
    /// `-infinity` when nothing in the signal is active.
    public var levelDB: Double
    /// The fraction of samples judged active, in 0…1.
    public var activity: Double

    /// The mean square over active samples (`10^(levelDB/10)`; 0 for silence).
    public var meanSquare: Double { levelDB == -.infinity ? 0 : pow(10, levelDB / 10) }
  }

  /// Envelope smoothing time constant in seconds.
  public static let timeConstant = 0.03
  /// Hangover in seconds.
  public static let hangover = 0.2
  /// Margin between the active level and its threshold, in dB.
  public static let margin = 15.9
  /// Number of thresholds; threshold `j` is `2^(j - thresholdCount)`.
  public static let thresholdCount = 15

  /// Measures `samples` recorded at `sampleRate`.
  public static func activeLevel(_ samples: [Float], sampleRate: Int) -> Measurement {
    let silence = Measurement(levelDB: -.infinity, activity: 0)
    guard !samples.isEmpty else { return silence }
    let counts = activeCounts(samples, sampleRate: sampleRate)
    let sumOfSquares = SignalMath.sumOfSquares(samples)
    let thresholdsDB = (0..<thresholdCount).map { 20 * log10(threshold($0)) }
    func levelDB(_ j: Int) -> Double { 10 * log10(sumOfSquares / Double(counts[j])) }

    guard counts[0] > 0, levelDB(0) - thresholdsDB[0] >= margin else { return silence }
    var active = levelDB(0)
    for j in 1..<thresholdCount where counts[j] > 0 {
      let upper = levelDB(j), lower = levelDB(j - 1)
      let excess = upper - thresholdsDB[j] - margin
      if excess <= 0 {
        let previousExcess = lower - thresholdsDB[j - 1] - margin
        let t = previousExcess / (previousExcess - excess)
        active = lower + t * (upper - lower)
        break
      }
      // Louder than every threshold's margin: the level over the highest threshold's active samples.
      active = upper
    }
    let longTerm = sumOfSquares / Double(samples.count)
    return Measurement(levelDB: active, activity: min(1, longTerm / pow(10, active / 10)))
  }

  static func threshold(_ j: Int) -> Double { Double(sign: .plus, exponent: j - thresholdCount, significand: 1) }

  /// The number of active samples `a_j` for every threshold.
  ///
  /// Sample `n` is active for threshold `j` exactly when the envelope was at or above `c_j` at some
  /// sample `m ≤ n` with `n − m ≤` the hangover, which is what the reference's per-threshold hangover
  /// counters compute. So instead of updating fifteen counters every sample, the loop only notes when
  /// the number of thresholds reached changes: a threshold's run above it is counted when the run
  /// ends, and the gap before its next run (or the end) contributes at most the hangover. Because the
  /// thresholds are powers of two, the envelope `q` reaches `c_j = 2^(j−15)` exactly when
  /// `j ≤ exponent(q) + 15`, read straight from the exponent bits. The per-sample work is the two
  /// envelope recursions and one comparison.
  static func activeCounts(_ samples: [Float], sampleRate: Int) -> [Int] {
    let g = exp(-1 / (Double(sampleRate) * timeConstant)), h = 1 - g
    let hangoverSamples = Int((hangover * Double(sampleRate)).rounded())
    var counts = [Int](repeating: 0, count: thresholdCount)
    // The start of the current run at or above each threshold, and the last sample of its previous run.
    var runStart = [Int](repeating: 0, count: thresholdCount)
    var lastAbove = [Int?](repeating: nil, count: thresholdCount)
    var reached = 0
    var p = 0.0, q = 0.0
    samples.withUnsafeBufferPointer { buffer in
      for n in 0..<buffer.count {
        p = g * p + h * Double(abs(buffer[n]))
        q = g * q + h * p
        let now = min(max(Int(q.exponentBitPattern) - 1023 + thresholdCount + 1, 0), thresholdCount)
        guard now != reached else { continue }
        for j in reached..<max(now, reached) {
          if let last = lastAbove[j] { counts[j] += min(n - 1 - last, hangoverSamples) }
          runStart[j] = n
        }
        for j in now..<max(reached, now) {
          counts[j] += n - runStart[j]
          lastAbove[j] = n - 1
        }
        reached = now
      }
    }
    let end = samples.count
    for j in 0..<thresholdCount {
      if j < reached {
        counts[j] += end - runStart[j]
      } else if let last = lastAbove[j] {
        counts[j] += min(end - 1 - last, hangoverSamples)
      }
    }
    return counts
  }
}
