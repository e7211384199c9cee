import MediaIO

/// Why a noise bank could not be opened or a clip could not be found in it.
public enum NoiseBankError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The bank's root is missing or is not a folder.
  case notAFolder(path: String)
  /// No category folder of that name.
  case unknownCategory(String, bank: String, available: [String])
  /// The category holds no readable clip.
  case emptyCategory(String, bank: String)
  /// The clip is not one the bank indexed.
  case unknownClip(String, bank: String)
  /// Noise was asked for at a rate outside ``MediaIO/MediaLimit/sampleRate``: the audio it is for
  /// is at fault, not any clip.
  case unsupportedSampleRate(Int, bank: String)

  public var description: String {
    switch self {
    case .notAFolder(let path):
      "\(path): not a folder. A noise bank is a folder with one sub-folder of recordings per category."
    case .unknownCategory(let name, let bank, let available):
      "\(bank): no category “\(name)”. Available: \(available.isEmpty ? "none" : available.joined(separator: ", "))."
    case .emptyCategory(let name, let bank):
      "\(bank)/\(name): no readable recording in this category. Add WAV or FLAC files, or pick another category."
    case .unknownClip(let clip, let bank):
      "\(bank): no clip “\(clip)” in this bank. Was the bank changed since the manifest was written?"
    case .unsupportedSampleRate(let rate, let bank):
      "\(bank): noise cannot be prepared for audio at \(rate) Hz, outside the accepted "
        + "\(MediaLimit.sampleRate.allowed.lowerBound)…\(MediaLimit.sampleRate.allowed.upperBound) Hz. "
        + "The audio to be mixed is at fault; resample it first."
    }
  }
}
