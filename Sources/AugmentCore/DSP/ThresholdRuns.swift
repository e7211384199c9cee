extension SpeechLevel {
  /// The active-sample counts of every threshold, from the envelope's crossings.
  ///
  /// A threshold's run at or above it is counted when the run ends, and the gap before its next run (or
  /// the end) contributes at most the hangover. Because the thresholds are powers of two, the envelope
  /// `q` reaches `c_j = 2^(j−15)` exactly when `j ≤ exponent(q) + 15`, read straight from the exponent bits.
  struct ThresholdRuns {
    /// The hangover in samples.
    let hangover: Int
    private var counts = [Int](repeating: 0, count: thresholdCount)
    /// The start of the current run at or above each threshold, and the last sample of its previous run.
    private var runStart = [Int](repeating: 0, count: thresholdCount)
    private var lastAbove = [Int?](repeating: nil, count: thresholdCount)
    /// How many thresholds the envelope is at or above, and the thresholds either side of it.
    private var reached = 0, floor = -Double.infinity, ceiling = threshold(0)

    /// Runs for a signal at `sampleRate`, whose hangover is ``SpeechLevel/hangover`` seconds of it.
    init(sampleRate: Int) {
      hangover = Int((SpeechLevel.hangover * Double(sampleRate)).rounded())
    }

    /// Whether every envelope value in `range` reaches exactly the thresholds reached now.
    func keepsReach(within range: ClosedRange<Double>) -> Bool {
      range.lowerBound >= floor && range.upperBound < ceiling
    }

    /// Notes the envelope `q` at sample `n`; samples are observed in order, none skipped where the
    /// number of thresholds reached changes.
    mutating func observe(_ q: Double, at n: Int) {
      let now = Self.reach(q)
      guard now != reached else { return }
      for j in reached..<max(now, reached) {
        if let last = lastAbove[j] { counts[j] += min(n - 1 - last, hangover) }
        runStart[j] = n
      }
      for j in now..<max(reached, now) {
        counts[j] += n - runStart[j]
        lastAbove[j] = n - 1
      }
      reached = now
      floor = now == 0 ? -.infinity : threshold(now - 1)
      ceiling = now == thresholdCount ? .infinity : threshold(now)
    }

    /// How many thresholds an envelope value `q` is at or above.
    static func reach(_ q: Double) -> Int {
      min(max(Int(q.exponentBitPattern) - 1023 + thresholdCount + 1, 0), thresholdCount)
    }

    /// Whether every value within `tolerance` of `q`, relative, reaches the same thresholds.
    static func isDecided(_ q: Double, tolerance: Double) -> Bool {
      reach(q * (1 - tolerance)) == reach(q * (1 + tolerance))
    }

    /// The counts once the signal ends after `length` samples.
    func finish(length end: Int) -> [Int] {
      var counts = counts
      for j in 0..<thresholdCount {
        if j < reached {
          counts[j] += end - runStart[j]
        } else if let last = lastAbove[j] {
          counts[j] += min(end - 1 - last, hangover)
        }
      }
      return counts
    }
  }
}
