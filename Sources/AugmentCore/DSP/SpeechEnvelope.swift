import Foundation

extension SpeechLevel {
  /// The envelope `q`: `|x|` smoothed twice by the one-pole filter `y[n] = g·y[n−1] + (1−g)·x[n]`.
  ///
  /// Sample by sample the two recursions run at the speed of a multiply and an add in sequence. Over a
  /// stretch of samples the state at its end is also a weighted sum of their magnitudes, which
  /// vectorises (``summary(of:)``), and the envelope inside the stretch is bounded by the state at its
  /// start and that sum (``Stride/bounds(from:over:)``). When those bounds lie between the same two
  /// thresholds, no sample in the stretch can change which thresholds are reached.
  ///
  /// All terms of the weighted sums are non-negative, so each sum is within `6u` of its exact value
  /// (`u = 2⁻⁵³`: one rounding of the weight, one of each product, four levels of adds), and a state
  /// built from such sums stays within the same relative error of the exact recursion, as does the
  /// reference's own, sample by sample. ``tolerance`` covers both many times over: bounds are widened by
  /// it, and a walked sample whose envelope is within it of a threshold is reported as undecided, so
  /// that the stepped counts never disagree with the reference's.
  struct Envelope {
    /// The smoothing stages' outputs after the latest sample.
    struct State {
      var p = 0.0, q = 0.0
    }

    /// What a stretch of samples contributes: their magnitudes weighted as they reach `p` and `q` at
    /// its end, and the sum of their squares.
    struct Summary {
      var p: Double, q: Double, squares: Double
    }

    /// The relative error allowed for between the stepped envelope and the reference's: `6u` is 7e-16,
    /// the upper bound of ``Stride/bounds(from:over:)`` can double it, and the reference's recursion
    /// adds its own rounding over the few hundred samples that it remembers.
    static let tolerance = 1e-12

    /// Stepping over `length` samples at once.
    struct Stride {
      let length: Int
      /// `g^L`.
      let decay: Double
      /// `L·h·g^L`: how much of `p` at the start reaches `q` at the end.
      let pIntoQ: Double
      /// `h`, and `1 / g^(L−1)`, which bounds `h·Σ|x|` by the weighted sum: `p = h·Σ g^(L−1−i)·|x[i]|`
      /// is at least `g^(L−1)·h·Σ|x|`.
      let h: Double, magnitudeBound: Double

      init(length: Int, g: Double) {
        self.length = length
        decay = pow(g, Double(length))
        h = 1 - g
        pIntoQ = Double(length) * h * decay
        magnitudeBound = 1 / pow(g, Double(length - 1))
      }

      /// The state after the stretch, from the state before it: `p` decays by `g^L`; `q` decays by
      /// `g^L` and takes in `L·h·g^L·p` from the `p` it started with. (Grouped so that each new value is
      /// one multiply and one add away from its old one: stretches are stepped through in sequence.)
      func advance(_ state: State, over stretch: Summary) -> State {
        State(p: decay * state.p + stretch.p, q: decay * state.q + (pIntoQ * state.p + stretch.q))
      }

      /// Bounds on `q` at every sample of the stretch.
      ///
      /// Each step makes `p` a weighted mean of itself and `|x|` with weight `h` on `|x|`, and `q` of
      /// itself and the new `p`; all are non-negative. So `p` never falls faster than by `g` per
      /// sample, `p[k] ≥ g^k·p₀`, and hence `q[k] ≥ g^k·(q₀ + k·h·p₀)`. The logarithm of that is concave
      /// in `k`, so over the stretch it is least at an end: `q ≥ min(q₀, g^L·q₀ + L·h·g^L·p₀)`. And `p`
      /// stays below `p₀ + h·Σ|x|`, so `q` rises by at most `h` times its gap to that per sample:
      /// `q ≤ q₀ + L·h·max(0, p₀ + h·Σ|x| − q₀)`. Both are widened by ``tolerance``.
      func bounds(from state: State, over stretch: Summary) -> ClosedRange<Double> {
        let lowest = min(state.q, decay * state.q + pIntoQ * state.p)
        let ceiling = state.p + magnitudeBound * stretch.p
        let highest = state.q + Double(length) * h * max(0, ceiling - state.q)
        return lowest * (1 - tolerance)...highest * (1 + tolerance)
      }
    }

    /// Samples per block: short enough that the bounds are tight, long enough to vectorise.
    static let blockLength = 16
    /// Blocks summarised in one pass before they are stepped through.
    static let batchLength = 256

    let g: Double, h: Double
    /// Stepping over a block, and over a quarter of one.
    let block: Stride, quarter: Stride
    /// The weights of `|x[i]|`, `i = 0 ..< blockLength`, in `p` and `q` at the block's end:
    /// `h·g^(B−1−i)` and `(B−i)·h²·g^(B−1−i)`, four samples to a vector. The last four are also the
    /// weights of a quarter block.
    let pWeights: Quads, qWeights: Quads

    /// Sixteen values as four vectors of four, one per quarter of a block.
    struct Quads {
      var v0: SIMD4<Double>, v1: SIMD4<Double>, v2: SIMD4<Double>, v3: SIMD4<Double>

      init(_ value: (Int) -> Double) {
        func quad(_ k: Int) -> SIMD4<Double> { SIMD4(value(4 * k), value(4 * k + 1), value(4 * k + 2), value(4 * k + 3)) }
        (v0, v1, v2, v3) = (quad(0), quad(1), quad(2), quad(3))
      }
    }

    init(sampleRate: Int) {
      let g = exp(-1 / (Double(sampleRate) * timeConstant)), h = 1 - g
      let length = Self.blockLength
      self.g = g
      self.h = h
      block = Stride(length: length, g: g)
      quarter = Stride(length: length / 4, g: g)
      func decay(_ i: Int) -> Double { pow(g, Double(length - 1 - i)) }
      pWeights = Quads { h * decay($0) }
      qWeights = Quads { Double(length - $0) * h * h * decay($0) }
    }

    /// One sample's step, exactly as the reference takes it.
    func step(_ state: inout State, magnitude: Double) {
      state.p = g * state.p + h * magnitude
      state.q = g * state.q + h * state.p
    }

    /// Steps through `samples[range]` one by one, noting every envelope value in `runs`; `false`, having
    /// stopped, at the first value too close to a threshold to decide.
    func walk(
      _ samples: UnsafeBufferPointer<Float>, over range: Range<Int>, from state: inout State, noting runs: inout ThresholdRuns
    ) -> Bool {
      for n in range {
        step(&state, magnitude: Double(abs(samples[n])))
        guard ThresholdRuns.isDecided(state.q, tolerance: Self.tolerance) else { return false }
        runs.observe(state.q, at: n)
      }
      return true
    }

    /// Steps through the block at `start` by quarters, walking only the quarters whose bounds do not
    /// clear the thresholds: the state after the block, or `nil` when a walk is undecided.
    func stepByQuarters(
      _ samples: UnsafeBufferPointer<Float>, from start: Int, state: State, runs: inout ThresholdRuns
    ) -> State? {
      var state = state
      for first in stride(from: start, to: start + Self.blockLength, by: quarter.length) {
        let summary = quarterSummary(of: samples.baseAddress! + first)
        if runs.keepsReach(within: quarter.bounds(from: state, over: summary)) {
          state = quarter.advance(state, over: summary)
        } else if !walk(samples, over: first..<(first + quarter.length), from: &state, noting: &runs) {
          return nil
        }
      }
      return state
    }

    /// The summaries of the whole blocks that make up `samples`, written to the start of `summaries`,
    /// and the sum of their squares.
    func summarize(_ samples: UnsafeBufferPointer<Float>, into summaries: UnsafeMutableBufferPointer<Summary>) -> Double {
      guard let base = samples.baseAddress else { return 0 }
      let blocks = samples.count / Self.blockLength
      precondition(blocks <= summaries.count, "no room for the block summaries")
      var squares = 0.0
      for block in 0..<blocks {
        summaries[block] = summary(of: base + block * Self.blockLength)
        squares += summaries[block].squares
      }
      return squares
    }

    /// The summary of the block at `start`.
    ///
    /// Kept out of line: inlined into ``summarize(_:into:)``, the compiler vectorises across blocks
    /// instead, gathering their samples one by one, which is slower.
    @inline(never)
    func summary(of start: UnsafePointer<Float>) -> Summary {
      let m0 = Self.magnitudes(start), m1 = Self.magnitudes(start + 4)
      let m2 = Self.magnitudes(start + 8), m3 = Self.magnitudes(start + 12)
      let p = (pWeights.v0 * m0 + pWeights.v1 * m1) + (pWeights.v2 * m2 + pWeights.v3 * m3)
      let q = (qWeights.v0 * m0 + qWeights.v1 * m1) + (qWeights.v2 * m2 + qWeights.v3 * m3)
      let squares = (m0 * m0 + m1 * m1) + (m2 * m2 + m3 * m3)
      return Summary(p: Self.total(p), q: Self.total(q), squares: Self.total(squares))
    }

    /// The summary of the quarter block at `start`, without its squares (the block's summary has them).
    func quarterSummary(of start: UnsafePointer<Float>) -> Summary {
      let m = Self.magnitudes(start)
      return Summary(p: Self.total(pWeights.v3 * m), q: Self.total(qWeights.v3 * m), squares: 0)
    }

    /// `|x|` of the four floats at `samples` (their sign bits cleared), as doubles.
    @inline(__always)
    private static func magnitudes(_ samples: UnsafePointer<Float>) -> SIMD4<Double> {
      let bits = UnsafeRawPointer(samples).loadUnaligned(as: SIMD4<UInt32>.self)
      let x = unsafeBitCast(bits & 0x7fff_ffff, to: SIMD4<Float>.self)
      return SIMD4(Double(x[0]), Double(x[1]), Double(x[2]), Double(x[3]))
    }

    /// The sum of the lanes, in halves.
    @inline(__always)
    private static func total(_ lanes: SIMD4<Double>) -> Double {
      let two = lanes.lowHalf + lanes.highHalf
      return two[0] + two[1]
    }
  }
}
