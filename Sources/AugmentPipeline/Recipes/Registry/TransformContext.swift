import AugmentCore
import Foundation

/// What a run (or a replay) offers the transforms it builds: the noise banks, the media's sample rate, and
/// the ranges calibrated on the slice's real members.
///
/// A class so the noise bank is opened once, by the first transform that asks for it, and its skipped
/// clips can be reported afterwards; it lives only while a factory or a replay builds its steps.
public final class TransformContext {
  /// The folder of noise-bank categories (`--noise-banks`).
  let noiseBanks: URL?
  /// The rate audio is processed at (noise clips are resampled to it).
  let sampleRate: Int?
  /// The SNR range the slice's real members support, when calibration measured one.
  let snrDraw: ParameterRange?
  /// The mean-luminance range of the slice's real members, when calibration measured one.
  let memberLuminance: ParameterRange?
  /// The bank, once a transform opened it.
  public private(set) var noiseBank: NoiseBank?

  public init(
    noiseBanks: URL? = nil, sampleRate: Int? = nil, snrDraw: ParameterRange? = nil, memberLuminance: ParameterRange? = nil
  ) {
    self.noiseBanks = noiseBanks
    self.sampleRate = sampleRate
    self.snrDraw = snrDraw
    self.memberLuminance = memberLuminance
  }

  /// The noise bank, opened at the sample rate on first use.
  /// - Throws: ``TransformContextError`` when no noise-bank folder or sample rate was given;
  ///   ``NoiseBankError`` when the folder cannot be opened.
  func openNoiseBank(for transform: String) throws -> NoiseBank {
    if let noiseBank { return noiseBank }
    guard let noiseBanks, let sampleRate else { throw TransformContextError.noNoiseBanks(transform: transform) }
    let bank = try NoiseBank(root: noiseBanks, sampleRate: sampleRate)
    noiseBank = bank
    return bank
  }
}

/// A transform needs something its context was not given.
public enum TransformContextError: Error, Equatable, CustomStringConvertible {
  case noNoiseBanks(transform: String)

  public var description: String {
    switch self {
    case .noNoiseBanks(let transform): "\(transform) mixes noise-bank clips; give the folder with --noise-banks."
    }
  }
}
