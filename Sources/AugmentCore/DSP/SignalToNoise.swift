import Foundation

/// How the "signal" of a signal-to-noise ratio is measured. Manifests record which one was used.
public enum SNRDefinition: String, Codable, Sendable, CaseIterable {
  /// The speech's active level per ITU-T P.56 method B (see ``SpeechLevel``), so silence before,
  /// between and after speech does not lower the effective SNR.
  case activeSpeech
  /// The plain mean square over the whole clip.
  case rms
}

/// Signal-to-noise ratios: speech power per ``SNRDefinition`` against the noise's mean square over
/// the same span (the whole clip; noise is not gated).
public enum SignalToNoise {
  /// The speech power (a mean square) that the definition compares against noise.
  public static func speechPower(_ speech: [Float], definition: SNRDefinition, sampleRate: Int) -> Double {
    switch definition {
    case .activeSpeech: SpeechLevel.activeLevel(speech, sampleRate: sampleRate).meanSquare
    case .rms: SignalMath.meanSquare(speech)
    }
  }

  /// The SNR in dB of `speech` against `noise`, two signals of the same length that were (or will be)
  /// added. `-infinity` for silent speech, `+infinity` for silent noise.
  public static func measure(speech: [Float], noise: [Float], definition: SNRDefinition, sampleRate: Int) -> Double {
    precondition(speech.count == noise.count, "speech and noise must cover the same span")
    return 10 * log10(speechPower(speech, definition: definition, sampleRate: sampleRate) / SignalMath.meanSquare(noise))
  }

  /// The gain that brings `noisePower` to `snrDB` below `speechPower`: `√(S / (N · 10^(snr/10)))`.
  public static func noiseGain(speechPower: Double, noisePower: Double, snrDB: Double) -> Double {
    (speechPower / (noisePower * pow(10, snrDB / 10))).squareRoot()
  }
}
