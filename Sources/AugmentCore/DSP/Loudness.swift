import Foundation
import MediaIO

/// Integrated loudness per ITU-R BS.1770-4, in LUFS.
///
/// Each channel is K-weighted (``kWeighting(sampleRate:)``), its mean square taken over 400 ms blocks
/// that start every 100 ms (75 % overlap), and the channels summed with the BS.1770 weights (1.0 for
/// left, right and centre, 1.41 for the surrounds) into a block loudness `−0.691 + 10 log10(Σ G_i z_i)`.
/// Blocks below −70 LUFS are dropped (absolute gate), then blocks not above the loudness of the
/// remaining ones minus 10 LU (relative gate); the integrated loudness is the loudness of the mean of
/// what is left.
///
/// Where BS.1770-4 leaves details open, this follows pyloudnorm, the reference the tests compare
/// against: the gate comparisons are `≥` (absolute) and `>` (relative), and the number of blocks is
/// `round((T − 0.4 s) / 0.1 s) + 1` with round-half-to-even, so a clip that ends at least half a hop
/// past its last whole block gets one more block, zero-padded to 400 ms. On 1–2 s speech clips that
/// trailing block moves the result by up to 0.4 LU, which is why it is matched rather than dropped.
/// A clip shorter than one block is measured over one block spanning it (``measure(_:)``).
public enum Loudness {
  public enum Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter than the measure allows: one 400 ms gating block for ``integrated(_:)``,
    /// ``shortestClipDuration`` for ``measure(_:)``.
    case tooShort(duration: Double, minimum: Double)
    /// More channels than BS.1770's five (L, R, C, Ls, Rs).
    case tooManyChannels(Int)

    public var description: String {
      switch self {
      case .tooShort(let duration, let minimum):
        "loudness needs at least \(minimum) s of audio; this clip has \(duration) s"
      case .tooManyChannels(let count):
        "loudness is defined for up to 5 channels (L, R, C, Ls, Rs); this clip has \(count). Down-mix it first"
      }
    }
  }

  /// Gating block length in seconds.
  public static let blockDuration = 0.4
  /// Block hop as a fraction of the block (75 % overlap).
  public static let blockHopFraction = 0.25
  /// Absolute gate in LUFS.
  public static let absoluteGate = -70.0
  /// Relative gate in LU below the absolutely gated loudness.
  public static let relativeGate = -10.0
  /// Channel weights for L, R, C, Ls, Rs.
  public static let channelWeights = [1.0, 1.0, 1.0, 1.41, 1.41]

  /// The K-weighting pre-filter: a +4 dB high shelf at 1500 Hz (Q = 1/√2), then a 38 Hz high-pass
  /// (Q = 0.5), with coefficients computed for `sampleRate` from the Cookbook designs, as pyloudnorm
  /// does. At 48 kHz they agree with BS.1770's published coefficients to about 1e-4.
  public static func kWeighting(sampleRate: Int) -> [Biquad] {
    [
      .highShelf(frequency: 1500, gainDB: 4, q: 1 / 2.0.squareRoot(), sampleRate: sampleRate),
      .highPass(cutoff: 38, q: 0.5, sampleRate: sampleRate),
    ]
  }

  /// The integrated loudness of `buffer` in LUFS; `-infinity` when every block is below the absolute gate.
  public static func integrated(_ buffer: AudioBuffer) throws(Error) -> Double {
    guard buffer.channelCount <= channelWeights.count else { throw .tooManyChannels(buffer.channelCount) }
    let blockLength = Int((blockDuration * Double(buffer.sampleRate)).rounded())
    guard buffer.frameCount >= blockLength else { throw .tooShort(duration: buffer.duration, minimum: blockDuration) }
    let hops = (buffer.duration - blockDuration) / (blockDuration * blockHopFraction)
    let blockCount = Int(hops.rounded(.toNearestOrEven)) + 1
    return gatedLoudness(buffer, blockStarts: (0..<blockCount).map { $0 * blockLength / 4 }, blockLength: blockLength)
  }

  /// The loudness of the blocks of `blockLength` frames starting at `blockStarts`, gated as BS.1770 gates.
  static func gatedLoudness(_ buffer: AudioBuffer, blockStarts: [Int], blockLength: Int) -> Double {
    var weightedPowers = [Double](repeating: 0, count: blockStarts.count)
    let filters = kWeighting(sampleRate: buffer.sampleRate)
    for (channel, weight) in zip(buffer.channels, channelWeights) {
      var filtered = channel.map(Double.init)
      filters.apply(to: &filtered)
      let powers = blockMeanSquares(squaring: filtered, starts: blockStarts, length: blockLength)
      for j in powers.indices { weightedPowers[j] += weight * powers[j] }
    }

    func loudness(_ power: Double) -> Double { -0.691 + 10 * log10(power) }
    func meanPower(where keep: (Double) -> Bool) -> Double? {
      let kept = weightedPowers.filter { keep(loudness($0)) }
      return kept.isEmpty ? nil : kept.reduce(0, +) / Double(kept.count)
    }
    guard let absolutelyGated = meanPower(where: { $0 >= absoluteGate }) else { return -.infinity }
    let relativeThreshold = loudness(absolutelyGated) + relativeGate
    guard let gated = meanPower(where: { $0 > relativeThreshold && $0 > absoluteGate }) else { return -.infinity }
    return loudness(gated)
  }

  /// The mean of x² over each block, from a running sum of x² (one pass, then one subtraction a block);
  /// a block running past the end counts the missing samples as zeros.
  private static func blockMeanSquares(squaring samples: [Double], starts: [Int], length: Int) -> [Double] {
    var runningSum = [Double](repeating: 0, count: samples.count + 1)
    runningSum.withUnsafeMutableBufferPointer { sums in
      samples.withUnsafeBufferPointer { x in
        var total = 0.0
        for index in x.indices {
          total += x[index] * x[index]
          sums[index + 1] = total
        }
      }
    }
    return starts.map { (runningSum[min($0 + length, samples.count)] - runningSum[$0]) / Double(length) }
  }
}
