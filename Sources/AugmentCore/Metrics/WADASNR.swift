import Foundation

/// Blind SNR estimation by waveform amplitude distribution analysis (WADA-SNR; Kim & Stern,
/// "Robust signal-to-noise ratio estimation based on waveform amplitude distribution analysis",
/// Interspeech 2008).
///
/// Clean speech amplitudes are modelled as gamma-distributed (shape 0.4) and the noise as Gaussian; the
/// statistic `G = log E|z| − E log|z|` of the mixture then depends on the SNR alone, and a table of
/// `G(SNR)` turns the measured statistic into an SNR. No clean reference is needed, which is what
/// calibrating against real, already-noisy recordings requires.
///
/// This follows the widely used reference implementation (a Python port of Chanwoo Kim's MATLAB code,
/// distributed with LabROSA's snreval) and its table, step for step: peak-normalise, clip `|z|` below at
/// 1e-10, compute `G`, take the last table entry below `G` and interpolate linearly to the next. The
/// reference then converts the result to signal and noise energies and back, which is the identity;
/// that round trip is left out. Arithmetic is double precision.
///
/// The table spans −20…100 dB and the estimate is clamped to it: a signal whose statistic lies below
/// every entry (pure Gaussian noise, or an SNR well below −20 dB) gets −20 dB, and one above the last
/// entry (speech with digital silence, or an SNR above 100 dB) gets 100 dB. The first four entries are
/// not monotonic (as published); the "last entry below" rule is kept, so estimates just above −20 dB
/// are coarse. An empty or all-zero signal carries no speech and gets −20 dB, the same as pure noise.
public enum WADASNR {
  /// The lowest and highest SNR the table covers, in dB.
  public static let range: ClosedRange<Double> = -20...100

  /// The blind SNR estimate of `samples`, in dB, within ``range``.
  public static func estimate(_ samples: [Float]) -> Double {
    let floor = 1e-10
    let peak = Double(samples.lazy.map(abs).max() ?? 0)
    guard peak > 0 else { return range.lowerBound }
    let (sum, logSum) = samples.withUnsafeBufferPointer { amplitudeSums($0, peak: peak, floor: floor) }
    let count = Double(samples.count)
    let statistic = log(max(floor, sum / count)) - logSum / count
    return snr(forStatistic: statistic)
  }

  /// The table lookup: the last entry whose `G` lies below `statistic`, interpolated linearly towards the next.
  static func snr(forStatistic statistic: Double) -> Double {
    guard let index = table.lastIndex(where: { $0 < statistic }) else { return range.lowerBound }
    guard index < table.count - 1 else { return range.upperBound }
    return range.lowerBound + Double(index) + (statistic - table[index]) / (table[index + 1] - table[index])
  }

  /// `Σ a` and `Σ ln a` over `a = max(|x| / peak, floor)`.
  ///
  /// Logarithms are taken of products rather than sample by sample: each `a` splits exactly into a
  /// significand in [1, 2) and a power of two; significands are multiplied in runs of 512 (the product
  /// stays below 2⁵¹², far from overflow) and the exponents are added, so one `log` serves 512 samples.
  private static func amplitudeSums(_ samples: UnsafeBufferPointer<Float>, peak: Double, floor: Double)
    -> (sum: Double, logSum: Double)
  {
    var sum = 0.0, logSum = 0.0, exponents = 0
    var start = 0
    while start < samples.count {
      let end = min(start + 512, samples.count)
      var product = 1.0
      for i in start..<end {
        let amplitude = max(Double(abs(samples[i])) / peak, floor)
        sum += amplitude
        product *= amplitude.significand
        exponents += Int(amplitude.exponent)
      }
      logSum += log(product)
      start = end
    }
    return (sum, logSum + Double(exponents) * log(2.0))
  }

  /// `G(SNR)` for SNR = −20, −19, …, 100 dB, as published with the reference implementation.
  static let table: [Double] = [
    0.40974774, 0.40986926, 0.40998566, 0.40969089, 0.40986186, 0.40999006, 0.41027138, 0.41052627,
    0.41101024, 0.41143264, 0.41231718, 0.41337272, 0.41526426, 0.4178192, 0.42077252, 0.42452799,
    0.42918886, 0.43510373, 0.44234195, 0.45161485, 0.46221153, 0.47491647, 0.48883809, 0.50509236,
    0.52353709, 0.54372088, 0.56532427, 0.58847532, 0.61346212, 0.63954496, 0.66750818, 0.69583724,
    0.72454762, 0.75414799, 0.78323148, 0.81240985, 0.84219775, 0.87166406, 0.90030504, 0.92880418,
    0.95655449, 0.9835349, 1.01047155, 1.0362095, 1.06136425, 1.08579312, 1.1094819, 1.13277995,
    1.15472826, 1.17627308, 1.19703503, 1.21671694, 1.23535898, 1.25364313, 1.27103891, 1.28718029,
    1.30302865, 1.31839527, 1.33294817, 1.34700935, 1.3605727, 1.37345513, 1.38577122, 1.39733504,
    1.40856397, 1.41959619, 1.42983624, 1.43958467, 1.44902176, 1.45804831, 1.46669568, 1.47486938,
    1.48269965, 1.49034339, 1.49748214, 1.50435106, 1.51076426, 1.51698915, 1.5229097, 1.528578,
    1.53389835, 1.5391211, 1.5439065, 1.54858517, 1.55310776, 1.55744391, 1.56164927, 1.56566348,
    1.56938671, 1.57307767, 1.57654764, 1.57980083, 1.58304129, 1.58602496, 1.58880681, 1.59162477,
    1.5941969, 1.59693155, 1.599446, 1.60185011, 1.60408668, 1.60627134, 1.60826199, 1.61004547,
    1.61192472, 1.61369656, 1.61534074, 1.61688905, 1.61838916, 1.61985374, 1.62135878, 1.62268119,
    1.62390423, 1.62513143, 1.62632463, 1.6274027, 1.62842767, 1.62945532, 1.6303307, 1.63128026,
    1.63204102,
  ]
}
