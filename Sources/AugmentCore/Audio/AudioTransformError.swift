/// Why an audio transform could not be configured or applied.
public enum AudioTransformError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The transform's settings are out of range (from a recipe, typically).
  case invalidConfiguration(transform: String, detail: String)
  /// Recorded parameters (from a manifest) do not fit the input or the bank.
  case invalidParameters(transform: String, detail: String)
  /// The input has no level to measure (silent, or no active speech).
  case silentInput(transform: String)
  /// The drawn noise clip is silent over the span it would cover.
  case silentNoise(clip: String)
  /// The noise clip is too short to loop with the minimum crossfade.
  case noiseClipTooShort(clip: String, seconds: Double, minimumSeconds: Double)
  /// The input's sample rate cannot carry the transform's band.
  case unsupportedSampleRate(transform: String, sampleRate: Int, detail: String)

  public var description: String {
    switch self {
    case .invalidConfiguration(let transform, let detail):
      "\(transform): \(detail). Fix the recipe."
    case .invalidParameters(let transform, let detail):
      "\(transform): recorded parameters do not fit (\(detail)). Replay against the same input and noise bank."
    case .silentInput(let transform):
      "\(transform): the input is silent, so its level cannot be measured. Remove the clip or skip this transform."
    case .silentNoise(let clip):
      "\(clip): the noise clip is silent. Remove it from the bank."
    case .noiseClipTooShort(let clip, let seconds, let minimumSeconds):
      "\(clip): \(seconds) s is too short to loop; noise clips need at least \(minimumSeconds) s. Remove it from the bank."
    case .unsupportedSampleRate(let transform, let sampleRate, let detail):
      "\(transform): cannot process audio at \(sampleRate) Hz (\(detail)). Resample the input first."
    }
  }
}
