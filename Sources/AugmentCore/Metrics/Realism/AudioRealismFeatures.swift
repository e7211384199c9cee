import Foundation
import MediaIO

/// The features an audio candidate's realism is judged on, measured the same way on a slice's real
/// members and on every candidate, in the order of ``names``:
///
/// - `blind-snr-db`: WADA-SNR of the first channel (``WADASNR``). The estimator's table stops at −20 dB,
///   so −20 means "at most −20 dB"; members and candidates are censored at the same floor, so a noisy
///   candidate near a member at the floor is near it in this feature too, without reading the floor as a
///   measured value.
/// - `loudness-lufs`: ITU-R BS.1770-4 loudness of all channels (``Loudness/measure(_:)``); NaN for a clip
///   too short or with too many channels to measure.
/// - `rolloff-95-khz`: the 95 % spectral roll-off of the long-term power spectrum of the first channel,
///   in kHz: the lowest frequency below which 95 % of the power lies (librosa's `spectral_rolloff` with
///   `roll_percent=0.95` on that spectrum). It tells a telephone band from full band.
/// - `clipped-fraction`: the fraction of samples at the PCM16 ceiling (|x| ≥ 32767/32768), all channels.
/// - `noise-floor-<f>-db` for octave bands centred at 125, 250, 500, 1000, 2000 and 4000 Hz: the shape
///   of the noise floor. The floor is the mean power spectrum of the quietest fifth of the frames
///   (``FramePowerSpectra``): between words that is the noise alone, and in continuous noisy speech it is
///   where the noise dominates. Each band's power `[f/√2, f·√2)` is given in dB relative to the six bands'
///   total, so the feature is the floor's colour, not its level (the SNR carries the level); a band
///   more than 60 dB below the total counts as −60 dB, so digital silence does not run to −∞.
public enum AudioRealismFeatures {
  /// The octave-band centres of the noise-floor features, in hertz.
  public static let noiseFloorBands: [Double] = [125, 250, 500, 1000, 2000, 4000]
  /// The fraction of the quietest frames whose spectrum is the noise floor.
  public static let noiseFloorFraction = 0.2
  /// The lowest relative band level, in dB.
  public static let noiseFloorRange = -60.0

  public static let names: [String] =
    ["blind-snr-db", "loudness-lufs", "rolloff-95-khz", "clipped-fraction"]
    + noiseFloorBands.map { "noise-floor-\(Int($0))-db" }

  /// The smallest difference in each feature that matters, used as the least spread of a feature when
  /// members agree exactly (``FeatureScaling``): 1 dB for levels, 100 Hz for roll-off, 0.1 % of samples.
  public static let resolutions: [Double] = [1, 1, 0.1, 0.001] + noiseFloorBands.map { _ in 1 }

  public static func measure(_ buffer: AudioBuffer) -> [Double] {
    measure(buffer, loudness: (try? Loudness.measure(buffer).value) ?? .nan)
  }

  /// The features of `buffer` with its `loudness` measured already (``Loudness/measure(_:)``, NaN where
  /// it cannot be), as a run's checklist measures it once for its loudness rule and this feature.
  public static func measure(_ buffer: AudioBuffer, loudness: Double) -> [Double] {
    let first = buffer.channels[0]
    let spectra = FramePowerSpectra(first, sampleRate: buffer.sampleRate)
    return [WADASNR.estimate(first), loudness, rolloff(spectra) / 1000, clippedFraction(buffer)] + noiseFloor(spectra)
  }

  /// The 95 % roll-off of the mean spectrum over all frames, in hertz; 0 for silence.
  static func rolloff(_ spectra: FramePowerSpectra) -> Double {
    let mean = spectra.meanSpectrum(of: Array(spectra.spectra.indices))
    let total = mean.reduce(0, +)
    guard total > 0 else { return 0 }
    var cumulative = 0.0
    for (bin, power) in mean.enumerated() {
      cumulative += power
      if cumulative >= 0.95 * total { return spectra.frequency(ofBin: bin) }
    }
    return spectra.frequency(ofBin: mean.count - 1)
  }

  /// The octave-band shape of the quietest frames' mean spectrum.
  static func noiseFloor(_ spectra: FramePowerSpectra) -> [Double] {
    let energies = spectra.spectra.map { $0.reduce(0, +) }
    let sounding = energies.indices.filter { energies[$0] > spectra.silentFrameEnergy }
    let quietCount = max(1, Int((noiseFloorFraction * Double(sounding.count)).rounded()))
    let quietest = sounding.sorted { energies[$0] < energies[$1] || (energies[$0] == energies[$1] && $0 < $1) }
    let floor = spectra.meanSpectrum(of: Array(quietest.prefix(quietCount)))
    let bands = noiseFloorBands.map { centre in
      floor.indices.lazy.filter {
        let f = spectra.frequency(ofBin: $0)
        return f >= centre / 2.0.squareRoot() && f < centre * 2.0.squareRoot()
      }.reduce(0) { $0 + floor[$1] }
    }
    let total = bands.reduce(0, +)
    return bands.map { total > 0 && $0 > 0 ? max(noiseFloorRange, 10 * log10($0 / total)) : noiseFloorRange }
  }

  /// The fraction of samples at the PCM16 ceiling, over all channels.
  public static func clippedFraction(_ buffer: AudioBuffer) -> Double {
    let ceiling: Float = 32767.0 / 32768.0
    var clipped = 0, total = 0
    for channel in buffer.channels {
      clipped += channel.reduce(0) { $0 + (abs($1) >= ceiling ? 1 : 0) }
      total += channel.count
    }
    return Double(clipped) / Double(max(total, 1))
  }
}
