/// The bounds MediaIO puts on what a file's header declares, checked before anything is sized from it.
///
/// A header is a handful of bytes that a flipped bit or a careless writer can make absurd: 16 000 Hz
/// becomes 67 124 864 Hz, a length field claims gigabytes. Every quantity that sizes an allocation, a
/// loop or a resampling ratio is checked against these bounds as soon as the header is read, so a bad
/// file is refused by name instead of exhausting memory or time.
public enum MediaLimit: String, Sendable, Equatable, CaseIterable {
  /// Frames per second of an audio file.
  case sampleRate = "sample rate"
  /// Channels of an audio file.
  case channelCount = "channel count"
  /// Samples of an audio file, all channels together (frames × channels).
  case sampleCount = "sample count"

  /// The values accepted.
  ///
  /// - Sample rate, 1 000–384 000 Hz: telephone speech is 8 kHz, and 384 kHz is the highest rate audio
  ///   interfaces record; a rate outside is a damaged header, and would make resampling a noise clip to
  ///   it (or from it) grow the clip by the ratio of the rates. Within the range that ratio is at most 384.
  /// - Channels, 1–64: speech recordings hold 1–8 channels and microphone arrays a few dozen; libsndfile
  ///   itself would accept 1 024, and each channel multiplies what a frame count allocates.
  /// - Samples, up to 2²⁹ (2 GiB as 32-bit floats): 93 minutes of 48 kHz stereo, 9 hours of 16 kHz mono,
  ///   far beyond a speech clip or a noise recording, and within the memory of a machine running a job
  ///   per core.
  public var allowed: ClosedRange<Int> {
    switch self {
    case .sampleRate: 1_000...384_000
    case .channelCount: 1...64
    case .sampleCount: 1...(1 << 29)
    }
  }

  /// The unit a value is printed with.
  var unit: String {
    switch self {
    case .sampleRate: "Hz"
    case .channelCount: "channels"
    case .sampleCount: "samples"
    }
  }

  /// What to do about a file outside the bound.
  var advice: String {
    switch self {
    case .sampleRate:
      "The header is probably damaged; export the file again, or convert it to a usual rate (e.g. 16000 Hz)."
    case .channelCount:
      "The header is probably damaged; export the file again, or mix it down to fewer channels."
    case .sampleCount:
      "Cut the recording into shorter files."
    }
  }

  /// Throws ``MediaError/outOfRange(path:limit:value:)`` when `value` is outside ``allowed``.
  func check(_ value: Int, path: String) throws(MediaError) {
    guard allowed.contains(value) else { throw .outOfRange(path: path, limit: self, value: value) }
  }
}
