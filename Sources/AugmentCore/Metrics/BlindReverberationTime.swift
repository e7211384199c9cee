import Foundation

/// The reverberation time of a room estimated from reverberant speech alone, by its free-decay regions.
///
/// When a talker stops, what the microphone hears next is the room's own decay; these free-decay regions
/// are what blind estimators look for (Ratnam et al. 2003; Löllmann et al. 2010). This is the region-finding
/// and slope-fitting of Prego et al. (2012, "A blind algorithm for reverberation time estimation using
/// subband decomposition of speech signals", JASA 131(4)), simplified to one broadband level and a median:
///
/// 1. the level in dB of frames of ``frameSeconds`` (Hann window) every ``hopSeconds``, smoothed by a
///    moving average over ``smoothingFrames`` frames (the mean of the powers, centred);
/// 2. free-decay regions: maximal runs over which the smoothed level falls from frame to frame, lasting at
///    least ``minimumRegionSeconds`` and starting no more than ``startBelowLoudestDB`` below the loudest
///    frame (a free decay starts where speech stops, at a speech level; runs starting further down are the
///    ends of earlier decays broken by fluctuations, or a recording's cut-off, too near the floor to show
///    the room);
/// 3. in each region that falls at least 25 dB, a least-squares line through the level from its first
///    frame 5 dB below the region's start to its last one above 25 dB below it (the −5…−25 dB range of
///    T20, which skips the drop of the direct sound when the talker stops);
/// 4. the estimate is the median of `−60 / slope` over those regions.
///
/// Speech inside words rarely falls 25 dB, so the regions are mostly the ends of words and utterances.
/// There is no estimate (nil) when no pause is long enough for the room to decay 25 dB in it: a room of
/// RT60 `T` needs pauses of about `0.5·T` after speech.
public enum BlindReverberationTime {
  public static let frameSeconds = 0.016
  public static let hopSeconds = 0.004
  public static let smoothingFrames = 5
  public static let minimumRegionSeconds = 0.05
  public static let startBelowLoudestDB = 30.0
  /// The fit range below each region's start, in dB.
  public static let fitRange = 5.0...25.0

  /// The estimated RT60 in seconds, with the number of free-decay regions it comes from; nil when the signal
  /// has no region that falls across the whole fit range.
  public static func estimate(_ samples: [Float], sampleRate: Int) -> (seconds: Double, regions: Int)? {
    let levels = smoothedLevels(samples, sampleRate: sampleRate)
    let hop = hopSeconds * Double(sampleRate)
    let minimumFrames = Int((minimumRegionSeconds * Double(sampleRate) / hop).rounded(.up))
    guard let loudest = levels.max() else { return nil }
    var estimates: [Double] = []
    var start = 0
    while start < levels.count {
      var end = start
      while end + 1 < levels.count, levels[end + 1] < levels[end] { end += 1 }
      if end - start >= minimumFrames, levels[start] >= loudest - startBelowLoudestDB,
        let rt60 = fit(levels[start...end], hop: hop, sampleRate: sampleRate) {
        estimates.append(rt60)
      }
      start = end + 1
    }
    guard !estimates.isEmpty else { return nil }
    estimates.sort()
    let middle = estimates.count / 2
    let median = estimates.count % 2 == 1 ? estimates[middle] : (estimates[middle - 1] + estimates[middle]) / 2
    return (median, estimates.count)
  }

  /// The RT60 from one region's slope over the fit range, or nil when it does not fall across the range.
  private static func fit(_ region: ArraySlice<Double>, hop: Double, sampleRate: Int) -> Double? {
    let top = region.first!
    guard let first = region.firstIndex(where: { $0 < top - fitRange.lowerBound }),
      let last = region.firstIndex(where: { $0 < top - fitRange.upperBound }), last - first >= 4
    else { return nil }
    let slopePerFrame = LeastSquaresLine(y: region[first..<last]).slope
    guard slopePerFrame < 0 else { return nil }
    return -60 / (slopePerFrame * Double(sampleRate) / hop)
  }

  /// Frame levels in dB (power floored at 1e-12, −120 dB, for digital silence), smoothed.
  static func smoothedLevels(_ samples: [Float], sampleRate: Int) -> [Double] {
    let frame = Int((frameSeconds * Double(sampleRate)).rounded())
    let hop = Int((hopSeconds * Double(sampleRate)).rounded())
    guard frame >= 2, samples.count >= frame else { return [] }
    let window = (0..<frame).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(frame - 1)) }
    let count = (samples.count - frame) / hop + 1
    let powers = (0..<count).map { index in
      var sum = 0.0
      for n in 0..<frame {
        let value = Double(samples[index * hop + n]) * window[n]
        sum += value * value
      }
      return sum / Double(frame)
    }
    let half = smoothingFrames / 2
    return powers.indices.map { index in
      let range = max(index - half, 0)...min(index + half, powers.count - 1)
      let mean = powers[range].reduce(0, +) / Double(range.count)
      return 10 * log10(max(mean, 1e-12))
    }
  }
}
