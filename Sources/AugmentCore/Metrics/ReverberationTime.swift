import Foundation

/// The reverberation time of an impulse response from Schroeder's backward-integrated energy decay.
///
/// Schroeder (1965, "New method of measuring reverberation time") showed that the energy left in an impulse
/// response after time `t`, `E(t) = Σ_{τ≥t} h²(τ)`, is the ensemble average of the decays of many
/// interrupted-noise measurements, without their fluctuations. ISO 3382-1 then fits a least-squares line to
/// `10·log₁₀(E(t)/E(0))` between −5 dB and −35 dB (T30) or −25 dB (T20) and extrapolates it to −60 dB. The fit
/// runs, as in pyroomacoustics' `measure_rt60`, from the first sample below −5 dB to the last one before the
/// decay falls a further 30 (or 20) dB; the two agree to the rounding of the response's samples.
///
/// A response cut short bends its decay curve down to −∞ at the cut, which a fit ending near it would read
/// as a faster decay. ISO 3382-1 wants the evaluation range to end at least 10 dB above the noise floor;
/// here the cut is the floor, so the response must go on for at least the time the fitted line takes to
/// fall another 10 dB after the range's end, or there is no result.
public enum ReverberationTime {
  /// The fit's range, recorded by name (`t20`, `t30`).
  public enum Span: String, Sendable, Codable {
    case t20, t30

    /// How far the decay must fall after −5 dB for the fit.
    public var decibels: Double {
      switch self {
      case .t20: 20
      case .t30: 30
      }
    }
  }

  /// Schroeder's decay curve in dB relative to the total energy, `10·log₁₀(E(t)/E(0))`, summed in `Double`.
  /// Ends at the last nonzero sample (where the decay becomes −∞); empty for a silent response.
  public static func decayCurve(_ response: [Float]) -> [Double] {
    guard let last = response.lastIndex(where: { $0 != 0 }) else { return [] }
    var energy = [Double](repeating: 0, count: last + 1)
    var running = 0.0
    for index in stride(from: last, through: 0, by: -1) {
      running += Double(response[index]) * Double(response[index])
      energy[index] = running
    }
    let total = energy[0]
    return energy.map { 10 * log10($0 / total) }
  }

  /// The margin after the fit's end, in dB of the fitted decay, that the response must still cover.
  public static let marginDB = 10.0

  /// The reverberation time in seconds by the `span` fit, or nil when the decay does not fall `span` dB below
  /// its first value under −5 dB with ``marginDB`` of the response left after it (cut too short, or silent).
  public static func seconds(_ response: [Float], sampleRate: Int, span: Span) -> Double? {
    seconds(decayCurve: decayCurve(response), sampleRate: sampleRate, span: span)
  }

  /// As ``seconds(_:sampleRate:span:)`` on a curve from ``decayCurve(_:)``.
  public static func seconds(decayCurve curve: [Double], sampleRate: Int, span: Span) -> Double? {
    guard let start = curve.firstIndex(where: { $0 < -5 }) else { return nil }
    let floor = curve[start] - span.decibels
    guard let end = curve[start...].firstIndex(where: { $0 < floor }) else { return nil }
    let slopePerSample = LeastSquaresLine(y: curve[start..<end]).slope
    guard slopePerSample < 0, Double(curve.count - end) >= marginDB / -slopePerSample else { return nil }
    return -60 / (slopePerSample * Double(sampleRate))
  }
}
