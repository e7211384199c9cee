import AugmentCore
import Foundation

/// What a run (or a replay) offers the transforms it builds: the noise and impulse-response banks, the
/// media's sample rate, the ranges calibrated on the slice's real members, and the draws matched to their
/// distribution (``MatchedDraws``).
///
/// A class so each bank is opened once, by the first transform that asks for it, and its skipped files
/// can be reported afterwards; it lives only while a factory or a replay builds its steps.
public final class TransformContext {
  /// The folder of noise-bank categories (`--noise-banks`).
  let noiseBanks: URL?
  /// The folder of impulse-response categories (`--rir-banks`).
  let impulseResponseBanks: URL?
  /// The rate audio is processed at (noise clips and responses are resampled to it).
  let sampleRate: Int?
  /// The SNR range the slice's real members support, when calibration measured one.
  let snrDraw: ParameterRange?
  /// The RT60 range, in seconds, the slice's real members support, when calibration measured one.
  let rt60Draw: ParameterRange?
  /// The mean-luminance range of the slice's real members, when calibration measured one.
  let memberLuminance: ParameterRange?
  /// The noise bank, once a transform opened it.
  public private(set) var noiseBank: NoiseBank?
  /// The impulse-response bank, once a transform opened it. It has a noise bank's layout and is read the
  /// same way (``NoiseBank``), so only the name it is opened under differs.
  public private(set) var impulseResponseBank: NoiseBank?
  /// The draw of each transform's counterpart parameter, when calibration matched it; every step of that
  /// transform in the recipe draws it alike.
  private var matchedDraws: [ObjectIdentifier: ParameterDraw] = [:]

  public init(
    noiseBanks: URL? = nil, impulseResponseBanks: URL? = nil, sampleRate: Int? = nil, snrDraw: ParameterRange? = nil,
    rt60Draw: ParameterRange? = nil, memberLuminance: ParameterRange? = nil
  ) {
    self.noiseBanks = noiseBanks
    self.impulseResponseBanks = impulseResponseBanks
    self.sampleRate = sampleRate
    self.snrDraw = snrDraw
    self.rt60Draw = rt60Draw
    self.memberLuminance = memberLuminance
  }

  /// How a step of `transform` draws its counterpart parameter: as matched, or uniformly over `range`.
  func draw(for transform: any TransformDescriptor.Type, over range: ParameterRange) -> ParameterDraw {
    matchedDraws[ObjectIdentifier(transform)] ?? .uniform(range.closed)
  }

  /// Makes the steps of `transform` built from now on draw its counterpart parameter by `draw` (`nil`:
  /// uniformly again).
  func match(_ transform: any TransformDescriptor.Type, with draw: ParameterDraw?) {
    matchedDraws[ObjectIdentifier(transform)] = draw
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

  /// The impulse-response bank, opened at the sample rate on first use.
  /// - Throws: ``TransformContextError`` when no impulse-response folder or sample rate was given, or the
  ///   folder is missing; ``NoiseBankError`` for what else stops it from opening.
  func openImpulseResponseBank(for transform: String) throws -> NoiseBank {
    if let impulseResponseBank { return impulseResponseBank }
    guard let impulseResponseBanks, let sampleRate else {
      throw TransformContextError.noImpulseResponseBanks(transform: transform)
    }
    do {
      let bank = try NoiseBank(root: impulseResponseBanks, sampleRate: sampleRate)
      impulseResponseBank = bank
      return bank
    } catch NoiseBankError.notAFolder(let path) {
      throw TransformContextError.impulseResponseBankNotAFolder(path: path)
    }
  }
}

/// A transform needs something its context was not given.
public enum TransformContextError: Error, Equatable, CustomStringConvertible {
  case noNoiseBanks(transform: String)
  case noImpulseResponseBanks(transform: String)
  /// The impulse-response bank's folder is missing or is not a folder.
  case impulseResponseBankNotAFolder(path: String)

  public var description: String {
    switch self {
    case .noNoiseBanks(let transform): "\(transform) mixes noise-bank clips; give the folder with --noise-banks."
    case .noImpulseResponseBanks(let transform):
      "\(transform) convolves with impulse-response bank responses; give the folder with --rir-banks."
    case .impulseResponseBankNotAFolder(let path):
      "\(path): not a folder. An impulse-response bank is a folder with one sub-folder of room impulse "
        + "responses per category; give it with --rir-banks."
    }
  }
}
