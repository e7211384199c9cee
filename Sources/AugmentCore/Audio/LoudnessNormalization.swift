import Foundation
import MediaIO

/// Sets a clip's loudness (ITU-R BS.1770-4, see ``Loudness``) to a target drawn from a range. A clip
/// shorter than one 400 ms block is measured over one block, as the loudness check measures it
/// (``Loudness/measure(_:)``).
///
/// The gain is `10^((target − measured) / 20)`, applied to every channel. If that gain would push the
/// peak above ``PeakLimit/ceiling``, the gain is lowered until the peak sits at the ceiling, so the
/// clip ends up quieter than the target rather than clipped; `peakLimited` records when that happened.
public struct LoudnessNormalization: Transform {
  public typealias Input = AudioBuffer
  public static let name = "loudness"

  /// Target integrated loudness in LUFS.
  public let targetRange: ClosedRange<Double>

  public struct Parameters: Codable, Sendable, Equatable {
    /// The drawn target in LUFS.
    public var targetLUFS: Double
    /// The input's loudness in LUFS.
    public var measuredLUFS: Double
    /// The linear gain applied.
    public var gain: Double
    /// Whether the gain was lowered to keep the peak below full scale.
    public var peakLimited: Bool
  }

  /// - Throws: ``AudioTransformError/invalidConfiguration(transform:detail:)`` unless the range is
  ///   finite and below 0 LUFS.
  public init(targetLUFS: ClosedRange<Double>) throws {
    guard targetLUFS.lowerBound.isFinite, targetLUFS.upperBound < 0 else {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name, detail: "target loudness \(targetLUFS) LUFS must be finite and below 0 LUFS")
    }
    self.targetRange = targetLUFS
  }

  public func sampleParameters(for input: AudioBuffer, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let target = rng.uniform(in: targetRange)
    let measured = try Loudness.measure(input).value
    guard measured.isFinite else { throw AudioTransformError.silentInput(transform: Self.name) }
    let wanted = pow(10, (target - measured) / 20)
    let limit = PeakLimit.gain(forPeak: Float(Double(SignalMath.peak(input)) * wanted))
    return Parameters(targetLUFS: target, measuredLUFS: measured, gain: wanted * limit, peakLimited: limit < 1)
  }

  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer) throws -> AudioBuffer {
    guard parameters.gain.isFinite, parameters.gain >= 0 else {
      throw AudioTransformError.invalidParameters(transform: Self.name, detail: "gain \(parameters.gain)")
    }
    var output = consume input
    for index in output.channels.indices { SignalMath.scale(&output.channels[index], by: Float(parameters.gain)) }
    return output
  }
}
