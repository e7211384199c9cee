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
  /// counters compute. So instead of updating fifteen counters every sample, ``ThresholdRuns`` only
  /// notes when the number of thresholds reached changes. That is rare, and ``Envelope`` can prove for
  /// most blocks of samples that it does not happen there, so those blocks are stepped over whole.
  static func activeCounts(_ samples: [Float], sampleRate: Int) -> [Int] {
    let envelope = Envelope(sampleRate: sampleRate)
    var runs = ThresholdRuns(hangover: Int((hangover * Double(sampleRate)).rounded()))
    var state = Envelope.State()
    samples.withUnsafeBufferPointer { buffer in
      var start = 0
      while start < buffer.count {
        let block = UnsafeBufferPointer(rebasing: buffer[start..<min(start + Envelope.blockLength, buffer.count)])
        if block.count == Envelope.blockLength {
          let summary = envelope.summarize(block)
          if runs.keepsReach(within: envelope.bounds(from: state, over: summary)) {
            state = envelope.advance(state, over: summary)
            start += block.count
            continue
          }
        }
        for (offset, sample) in block.enumerated() {
          envelope.step(&state, magnitude: Double(abs(sample)))
          runs.observe(state.q, at: start + offset)
        }
        start += block.count
      }
    }
    return runs.finish(length: samples.count)
  }

  /// The envelope `q`: `|x|` smoothed twice by the one-pole filter `y[n] = g·y[n−1] + (1−g)·x[n]`.
  ///
  /// Sample by sample the two recursions run at the speed of a multiply and an add in sequence. Over a
  /// block of ``blockLength`` samples the state at the block's end is also a weighted sum of the block's
  /// magnitudes (``summarize(_:)``), which vectorises, and the envelope inside the block is bounded by
  /// the state at its start and the sum of its magnitudes (``bounds(from:over:)``). When those bounds lie
  /// between the same two thresholds, no sample in the block can change which thresholds are reached.
  struct Envelope {
    /// The smoothing stages' outputs after the latest sample.
    struct State {
      var p = 0.0, q = 0.0
    }

    /// What a block contributes: its magnitudes weighted as they reach `p` and `q` at the block's end,
    /// and their plain sum.
    struct Summary {
      var p: Double, q: Double, magnitudes: Double
    }

    /// Samples per block: short enough that the bounds are tight, long enough to vectorise.
    static let blockLength = 16

    let g: Double, h: Double
    /// `g^blockLength`.
    let blockDecay: Double
    /// The weights of `|x[i]|`, `i = 0 ..< blockLength`, in `p` and `q` at the block's end:
    /// `h·g^(B−1−i)` and `(B−i)·h²·g^(B−1−i)`.
    let pWeights: [Double], qWeights: [Double]

    init(sampleRate: Int) {
      let g = exp(-1 / (Double(sampleRate) * timeConstant)), h = 1 - g
      let length = Self.blockLength
      self.g = g
      self.h = h
      blockDecay = pow(g, Double(length))
      let decays = (0..<length).map { pow(g, Double(length - 1 - $0)) }
      pWeights = decays.map { h * $0 }
      qWeights = decays.indices.map { Double(length - $0) * h * h * decays[$0] }
    }

    /// One sample's step.
    func step(_ state: inout State, magnitude: Double) {
      state.p = g * state.p + h * magnitude
      state.q = g * state.q + h * state.p
    }

    /// The weighted sums of a block of exactly ``blockLength`` samples.
    func summarize(_ block: UnsafeBufferPointer<Float>) -> Summary {
      var p = SIMD2<Double>(), q = SIMD2<Double>(), sum = SIMD2<Double>()
      pWeights.withUnsafeBufferPointer { pWeights in
        qWeights.withUnsafeBufferPointer { qWeights in
          for i in stride(from: 0, to: Self.blockLength, by: 2) {
            let x = SIMD2(Double(abs(block[i])), Double(abs(block[i + 1])))
            p += SIMD2(pWeights[i], pWeights[i + 1]) * x
            q += SIMD2(qWeights[i], qWeights[i + 1]) * x
            sum += x
          }
        }
      }
      return Summary(p: p.sum(), q: q.sum(), magnitudes: sum.sum())
    }

    /// The state after a block, from the state before it: `p` decays by `g^B`; `q` decays by `g^B` and
    /// takes in `B·h·g^B·p` from the `p` it started with.
    func advance(_ state: State, over block: Summary) -> State {
      let length = Double(Self.blockLength)
      return State(
        p: blockDecay * state.p + block.p,
        q: blockDecay * state.q + length * h * blockDecay * state.p + block.q)
    }

    /// Bounds on `q` at every sample of a block.
    ///
    /// Each step makes `q` a weighted mean of its previous value and `p` with weight `h` on `p`, and
    /// likewise `p` of itself and `|x|`; all are non-negative. So `q` never falls faster than by `g` per
    /// sample: `q ≥ g^B·q₀`. And `p` stays below `p₀ + h·Σ|x|`, so `q` rises by at most `h` times its
    /// gap to that per sample: `q ≤ q₀ + B·h·max(0, p₀ + h·Σ|x| − q₀)`. The bounds are widened by
    /// `10^−12` relative to cover rounding in the recursions they stand for.
    func bounds(from state: State, over block: Summary) -> ClosedRange<Double> {
      let margin = 1e-12
      let ceiling = state.p + h * block.magnitudes
      let highest = state.q + Double(Self.blockLength) * h * max(0, ceiling - state.q)
      return blockDecay * state.q * (1 - margin)...highest * (1 + margin)
    }
  }

  /// The active-sample counts of every threshold, from the envelope's crossings.
  ///
  /// A threshold's run at or above it is counted when the run ends, and the gap before its next run (or
  /// the end) contributes at most the hangover. Because the thresholds are powers of two, the envelope
  /// `q` reaches `c_j = 2^(j−15)` exactly when `j ≤ exponent(q) + 15`, read straight from the exponent bits.
  struct ThresholdRuns {
    let hangover: Int
    private var counts = [Int](repeating: 0, count: thresholdCount)
    /// The start of the current run at or above each threshold, and the last sample of its previous run.
    private var runStart = [Int](repeating: 0, count: thresholdCount)
    private var lastAbove = [Int?](repeating: nil, count: thresholdCount)
    /// How many thresholds the envelope is at or above.
    private var reached = 0

    init(hangover: Int) {
      self.hangover = hangover
    }

    /// Whether every envelope value in `range` reaches exactly the thresholds reached now.
    func keepsReach(within range: ClosedRange<Double>) -> Bool {
      (reached == 0 || range.lowerBound >= threshold(reached - 1))
        && (reached == thresholdCount || range.upperBound < threshold(reached))
    }

    /// Notes the envelope `q` at sample `n`; samples are observed in order, none skipped where the
    /// number of thresholds reached changes.
    mutating func observe(_ q: Double, at n: Int) {
      let now = min(max(Int(q.exponentBitPattern) - 1023 + thresholdCount + 1, 0), thresholdCount)
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
