/// Why a room impulse response from a bank cannot be used.
public enum ImpulseResponseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The response holds only zeros.
  case silent(response: String)
  /// The response's energy decay does not fall far enough for T20 to be measured.
  case decayNotMeasurable(response: String)
  /// No response of the categories has a reverberation time in the range asked for.
  case noResponseInRange(ClosedRange<Double>, measured: [String])

  public var description: String {
    switch self {
    case .silent(let response):
      "\(response): the impulse response is silent. Remove it from the bank."
    case .decayNotMeasurable(let response):
      "\(response): the impulse response does not decay by about 40 dB before it ends, so its RT60 cannot be "
        + "measured. Use a longer recording of the response, or remove it from the bank."
    case .noResponseInRange(let range, let measured):
      "no impulse response has an RT60 from \(range.lowerBound) to \(range.upperBound) s (measured: "
        + "\(measured.joined(separator: ", ")) s). Add responses of such rooms to the bank, or widen the range."
    }
  }
}
