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
    let (counts, sumOfSquares) = activeCounts(samples, sampleRate: sampleRate)
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

  /// The number of active samples `a_j` for every threshold, and `Σx²` over all samples (in double,
  /// in which a float's square is exact).
  ///
  /// Sample `n` is active for threshold `j` exactly when the envelope was at or above `c_j` at some
  /// sample `m ≤ n` with `n − m ≤` the hangover, which is what the reference's per-threshold hangover
  /// counters compute. So instead of updating fifteen counters every sample, ``ThresholdRuns`` only
  /// notes when the number of thresholds reached changes. That is rare, and ``Envelope`` can prove for
  /// most blocks of samples that it does not happen there, so those blocks are stepped over whole
  /// (``steppedCounts(_:sampleRate:)``). In the rare signal where that proof cannot be made because the
  /// envelope comes within ``Envelope/tolerance`` of a threshold, every sample is walked instead
  /// (``walkedCounts(_:sampleRate:)``), as the reference does. Either way the counts are the reference's.
  static func activeCounts(_ samples: [Float], sampleRate: Int) -> (counts: [Int], sumOfSquares: Double) {
    steppedCounts(samples, sampleRate: sampleRate) ?? walkedCounts(samples, sampleRate: sampleRate)
  }

  /// The counts from stepping over whole blocks, then quarter blocks, where the envelope provably keeps
  /// reaching the same thresholds, and walking the rest; `nil` when a walked sample's envelope is too
  /// close to a threshold to decide (see ``Envelope``).
  static func steppedCounts(_ samples: [Float], sampleRate: Int) -> (counts: [Int], sumOfSquares: Double)? {
    samples.withUnsafeBufferPointer { steppedCounts($0, sampleRate: sampleRate) }
  }

  /// ``steppedCounts(_:sampleRate:)`` on a buffer. The state lives in this function's own variables,
  /// which keeps it in registers from block to block.
  private static func steppedCounts(
    _ samples: UnsafeBufferPointer<Float>, sampleRate: Int
  ) -> (counts: [Int], sumOfSquares: Double)? {
    let envelope = Envelope(sampleRate: sampleRate)
    var runs = ThresholdRuns(sampleRate: sampleRate)
    var state = Envelope.State()
    var sumOfSquares = 0.0
    let length = Envelope.blockLength
    let summaries = UnsafeMutableBufferPointer<Envelope.Summary>.allocate(capacity: Envelope.batchLength)
    defer { summaries.deallocate() }
    var start = 0
    while start + length <= samples.count {
      let blocks = min((samples.count - start) / length, Envelope.batchLength)
      sumOfSquares += envelope.summarize(UnsafeBufferPointer(rebasing: samples[start..<(start + blocks * length)]), into: summaries)
      for summary in summaries[..<blocks] {
        if runs.keepsReach(within: envelope.block.bounds(from: state, over: summary)) {
          state = envelope.block.advance(state, over: summary)
        } else if let stepped = envelope.stepByQuarters(samples, from: start, state: state, runs: &runs) {
          state = stepped
        } else {
          return nil
        }
        start += length
      }
    }
    guard envelope.walk(samples, over: start..<samples.count, from: &state, noting: &runs) else { return nil }
    sumOfSquares += samples[start...].reduce(0) { $0 + Double($1) * Double($1) }
    return (runs.finish(length: samples.count), sumOfSquares)
  }

  /// The counts from the reference's recursion run sample by sample, and `Σx²` in double.
  static func walkedCounts(_ samples: [Float], sampleRate: Int) -> (counts: [Int], sumOfSquares: Double) {
    let envelope = Envelope(sampleRate: sampleRate)
    var runs = ThresholdRuns(sampleRate: sampleRate)
    var state = Envelope.State()
    var sumOfSquares = 0.0
    for (n, sample) in samples.enumerated() {
      envelope.step(&state, magnitude: Double(abs(sample)))
      runs.observe(state.q, at: n)
      sumOfSquares += Double(sample) * Double(sample)
    }
    return (runs.finish(length: samples.count), sumOfSquares)
  }
}
