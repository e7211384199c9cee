import Foundation

/// Sample-rate conversion by a rational factor `L/M` with a linear-phase polyphase FIR low-pass.
///
/// This is the method of `scipy.signal.resample_poly` (which pystoi's `resample_oct` uses): conceptually
/// the signal is zero-stuffed by `L`, low-pass filtered by a Kaiser-windowed sinc, and every `M`-th
/// sample kept; the polyphase form evaluates only the taps that meet non-zero input. Edges count as zeros
/// and the filter is centred, so there is no delay and the output has `ceil(n·L/M)` samples.
///
/// The low-pass is specified by its transition band relative to the lower of the two Nyquist
/// frequencies, and its stop-band attenuation, which set the Kaiser window's length and shape
/// (Kaiser's formulas, as in `scipy.signal.kaiserord`). The plan (the per-phase taps) depends only on
/// the rates and the filter, so building it once serves every clip; it is immutable and thread-safe.
///
/// Output samples are computed eight at a time, one per vector lane, with no horizontal sums: outputs
/// `r, r + L, r + 2L, …` (one *residue* `r` modulo `L`) all use the same phase's taps, and their inputs
/// lie `M` samples apart. Split into `M` *streams* (stream `k` holds input samples `k, k + M, k + 2M, …`),
/// the inputs one tap meets for eight consecutive outputs of a residue are eight consecutive elements of
/// one stream, so each tap is one broadcast multiply-add on a vector load.
public struct PolyphaseResampler: Sendable {
  typealias Lanes = SIMD8<Float>

  public let sourceRate: Int
  public let targetRate: Int
  /// Interpolation factor `L` and decimation factor `M`, `targetRate / sourceRate` in lowest terms.
  let up: Int, down: Int
  /// Half the filter length at the interpolated rate: the filter has `2·half + 1` taps, centred on `half`.
  let half: Int
  /// Taps per phase.
  let tapsPerPhase: Int
  /// Phase `p`'s taps, reversed so that output samples are forward dot products:
  /// `coefficients[p·tapsPerPhase + s] = L·h[p + L·(tapsPerPhase − 1 − s)]` (zero beyond the filter),
  /// in every lane, so that the inner loop loads each tap ready to multiply.
  let coefficients: [SIMD4<Float>]
  /// For residue `r`: the phase its outputs use, and where its first output's taps start in the input
  /// padded by `tapsPerPhase − 1` leading zeros.
  private let residuePhases: [Int]
  private let residueStarts: [Int]

  /// Creates the plan for converting `sourceRate` to `targetRate`.
  ///
  /// - Parameters:
  ///   - transitionBand: where the filter's response falls from pass to stop, in multiples of the lower
  ///     Nyquist frequency `min(sourceRate, targetRate)/2`; e.g. `0.85...1.15`.
  ///   - attenuation: the stop-band attenuation in dB (also the pass-band ripple, `10^{−A/20}`).
  /// - Precondition: positive rates, a transition band within `0...2`, attenuation above 21 dB.
  public init(from sourceRate: Int, to targetRate: Int, transitionBand: ClosedRange<Double>, attenuation: Double) {
    precondition(sourceRate > 0 && targetRate > 0, "sample rates must be positive")
    precondition(transitionBand.lowerBound > 0 && transitionBand.upperBound < 2, "transition band outside 0…2")
    precondition(transitionBand.lowerBound < transitionBand.upperBound && attenuation > 21, "invalid filter")
    self.sourceRate = sourceRate
    self.targetRate = targetRate
    let divisor = Self.greatestCommonDivisor(sourceRate, targetRate)
    let up = targetRate / divisor, down = sourceRate / divisor
    self.up = up
    self.down = down
    // Frequencies as fractions of the interpolated rate, sourceRate·L.
    let nyquist = 0.5 / Double(max(up, down))
    let cutoff = nyquist * (transitionBand.lowerBound + transitionBand.upperBound) / 2
    let width = nyquist * (transitionBand.upperBound - transitionBand.lowerBound)
    let length = ((attenuation - 7.95) / (2.285 * 2 * Double.pi * width)).rounded(.up)
    let half = Int((length / 2).rounded(.up))
    self.half = half
    let beta =
      attenuation > 50
      ? 0.1102 * (attenuation - 8.7)
      : 0.5842 * pow(attenuation - 21, 0.4) + 0.07886 * (attenuation - 21)
    let taps = (0...2 * half).map { k -> Double in
      let t = Double(k - half)
      let sinc = t == 0 ? 1 : sin(2 * Double.pi * cutoff * t) / (2 * Double.pi * cutoff * t)
      let position = t / Double(half)
      return 2 * cutoff * sinc * Self.besselI0(beta * (1 - position * position).squareRoot())
    }
    let gain = Double(up) / taps.reduce(0, +)
    let tapsPerPhase = (taps.count + up - 1) / up
    self.tapsPerPhase = tapsPerPhase
    var coefficients = [SIMD4<Float>](repeating: .zero, count: up * tapsPerPhase)
    for phase in 0..<up {
      for s in 0..<tapsPerPhase {
        let tap = phase + up * (tapsPerPhase - 1 - s)
        if tap < taps.count { coefficients[phase * tapsPerPhase + s] = SIMD4(repeating: Float(taps[tap] * gain)) }
      }
    }
    self.coefficients = coefficients
    // Output m sits at m·M + half on the interpolated grid: phase (m·M + half) mod L, first tap at
    // (m·M + half) div L.
    residuePhases = (0..<up).map { ($0 * down + half) % up }
    residueStarts = (0..<up).map { ($0 * down + half) / up }
  }

  /// The number of output samples for `count` input samples, `ceil(count·L/M)`.
  public func outputCount(for count: Int) -> Int {
    (count * up + down - 1) / down
  }

  /// `signal` converted to ``targetRate``.
  public func resample(_ signal: [Float]) -> [Float] {
    let outputs = outputCount(for: signal.count)
    guard outputs > 0 else { return [] }
    var scratch = [Float](repeating: 0, count: scratchCount(for: signal.count))
    return [Float](unsafeUninitializedCapacity: outputs) { output, initialized in
      signal.withUnsafeBufferPointer { signal in
        scratch.withUnsafeMutableBufferPointer { scratch in
          resample(signal, into: output.baseAddress!, scratch: scratch.baseAddress!)
        }
      }
      initialized = outputs
    }
  }

  /// Elements of scratch memory ``resample(_:into:scratch:only:)`` needs for `count` input samples.
  public func scratchCount(for count: Int) -> Int {
    down * streamLength(outputs: outputCount(for: count))
  }

  /// Writes `signal` converted to ``targetRate`` to `output` (``outputCount(for:)`` elements), using
  /// `scratch` (``scratchCount(for:)`` elements) for the input split into streams. With `spans`, only the
  /// output samples in them are computed, and the rest of `output` is left as it was.
  public func resample(
    _ signal: UnsafeBufferPointer<Float>, into output: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, only spans: [Range<Int>]? = nil
  ) {
    let outputs = outputCount(for: signal.count)
    guard outputs > 0 else { return }
    let streamLength = streamLength(outputs: outputs)
    split(signal, into: scratch, streamLength: streamLength)
    for span in spans ?? [0..<outputs] {
      let span = span.clamped(to: 0..<outputs)
      guard !span.isEmpty else { continue }
      resample(streams: scratch, streamLength: streamLength, outputs: span, into: output)
    }
  }

  /// Computes `output[span]` from the input split into streams.
  private func resample(
    streams: UnsafeMutablePointer<Float>, streamLength: Int, outputs span: Range<Int>,
    into output: UnsafeMutablePointer<Float>
  ) {
    coefficients.withUnsafeBufferPointer { coefficients in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: tapsPerPhase) { tapInputs in
        for residue in 0..<min(up, span.upperBound) {
          // The residue's outputs r + i·L in the span: i from ⌈(lower − r)/L⌉ up to ⌈(upper − r)/L⌉.
          let begin = (span.lowerBound - residue + up - 1) / up
          let count = (span.upperBound - residue + up - 1) / up
          guard begin < count else { continue }
          let taps = coefficients.baseAddress! + residuePhases[residue] * tapsPerPhase
          // Tap s of the residue's output i reads padded sample start + s + i·M: element (start + s) div M + i
          // of stream (start + s) mod M.
          for s in 0..<tapsPerPhase {
            let sample = residueStarts[residue] + s
            tapInputs[s] = (sample % down) * streamLength + sample / down
          }
          var first = begin
          /// Writes the first `lanes` outputs of the block at `first`, and moves on to the next block.
          @inline(__always) func store(_ sums: Lanes, lanes: Int) {
            var m = residue &+ first &* up
            for lane in 0..<lanes {
              output[m] = sums[lane]
              m &+= up
            }
            first += Lanes.scalarCount
          }
          // Four blocks at a time while they fit, so that each tap loaded serves four multiply-adds.
          while count - first >= 4 * Lanes.scalarCount {
            let sums = accumulate(blocks: 4, taps: taps, inputs: tapInputs.baseAddress!, streams: streams + first)
            store(sums.0, lanes: Lanes.scalarCount)
            store(sums.1, lanes: Lanes.scalarCount)
            store(sums.2, lanes: Lanes.scalarCount)
            store(sums.3, lanes: Lanes.scalarCount)
          }
          while first < count {
            let sums = accumulate(blocks: 1, taps: taps, inputs: tapInputs.baseAddress!, streams: streams + first)
            store(sums.0, lanes: min(Lanes.scalarCount, count - first))
          }
        }
      }
    }
  }

  /// The sums of `blocks` (1…4) consecutive eight-output blocks, each tap `s` reading eight consecutive
  /// elements per block from `streams + inputs[s]`; the sums of blocks not asked for are zero. Inlined
  /// where `blocks` is a constant.
  @inline(__always)
  private func accumulate(
    blocks: Int, taps: UnsafePointer<SIMD4<Float>>, inputs: UnsafePointer<Int>, streams: UnsafePointer<Float>
  ) -> (Lanes, Lanes, Lanes, Lanes) {
    var sum0 = Lanes(), sum1 = Lanes(), sum2 = Lanes(), sum3 = Lanes()
    for s in 0..<tapsPerPhase {
      let tap = Lanes(lowHalf: taps[s], highHalf: taps[s])
      let input = UnsafeRawPointer(streams + inputs[s])
      sum0 += tap * input.loadUnaligned(as: Lanes.self)
      if blocks > 1 { sum1 += tap * input.loadUnaligned(fromByteOffset: 32, as: Lanes.self) }
      if blocks > 2 { sum2 += tap * input.loadUnaligned(fromByteOffset: 64, as: Lanes.self) }
      if blocks > 3 { sum3 += tap * input.loadUnaligned(fromByteOffset: 96, as: Lanes.self) }
    }
    return (sum0, sum1, sum2, sum3)
  }

  /// Elements per stream: enough for every tap of the last eight-output block of any residue.
  private func streamLength(outputs: Int) -> Int {
    let perResidue = (outputs + up - 1) / up
    let blocks = (perResidue + Lanes.scalarCount - 1) / Lanes.scalarCount
    return (residueStarts.max()! + tapsPerPhase - 1) / down + blocks * Lanes.scalarCount
  }

  /// Splits `signal`, preceded by `tapsPerPhase − 1` zeros and followed by as many as fit, into `M` streams:
  /// element `i` of stream `k` is padded sample `i·M + k`. The signal is read in order, `M` samples (one
  /// element of each stream) at a time; reading each stream's samples in turn would sweep the whole
  /// signal `M` times, one sample per 4·`M` bytes.
  private func split(
    _ signal: UnsafeBufferPointer<Float>, into streams: UnsafeMutablePointer<Float>, streamLength: Int
  ) {
    let lead = tapsPerPhase - 1, count = signal.count
    // Elements i whose M padded samples all lie in the signal: lead ≤ i·M and i·M + M − 1 − lead < count.
    let firstFull = min(streamLength, (lead + down - 1) / down)
    let lastFull = count + lead >= down ? (count + lead - down) / down : -1
    let endFull = max(firstFull, min(streamLength, lastFull + 1))
    for i in firstFull..<endFull {
      let source = signal.baseAddress! + (i * down - lead)
      for k in 0..<down { streams[k &* streamLength &+ i] = source[k] }
    }
    for edge in [0..<firstFull, endFull..<streamLength] {
      for i in edge {
        for k in 0..<down {
          let source = i * down + k - lead
          streams[k * streamLength + i] = source >= 0 && source < count ? signal[source] : 0
        }
      }
    }
  }

  /// The modified Bessel function of the first kind, order zero, by its power series `Σ ((x/2)^k / k!)²`.
  static func besselI0(_ x: Double) -> Double {
    var sum = 1.0, term = 1.0, k = 1.0
    while term > 1e-17 * sum {
      term *= (x / (2 * k)) * (x / (2 * k))
      sum += term
      k += 1
    }
    return sum
  }

  private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
  }
}
