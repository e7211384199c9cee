import Foundation

/// A spectrogram image framed by its axes: frequency in kHz up the left (0 to the Nyquist frequency of
/// ``Spectrogram/sampleRate``), time in seconds along the bottom, ticks at round steps.
enum SpectrogramAxes {
  /// Time steps a tick may fall on: the first that gives at most ``maximumTimeTicks`` intervals.
  static let timeSteps: [Double] = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600]
  static let maximumTimeTicks = 6

  /// `image` and `alt` are already escaped; `seconds` is the clip's length.
  static func html(image: String, alt: String, seconds: Double) -> String {
    let nyquist = Spectrogram.sampleRate / 2000
    let frequency = stride(from: 0, through: nyquist, by: 2).map { kilohertz in
      "<span style=\"bottom:\(percent(Double(kilohertz) / Double(nyquist)))\">\(kilohertz)</span>"
    }
    let time = timeTicks(seconds).map { tick in
      "<span style=\"left:\(percent(tick / seconds))\">\(PreviewNumber.significant(tick, digits: 3))</span>"
    }
    return """
      <div class="spectrogram"><div class="frequency-axis" title="frequency, kHz">\(frequency.joined())\
      <i>kHz</i></div><img loading="lazy" src="\(image)" alt="\(alt)"><div class="time-axis" \
      title="time, s">\(time.joined())<i>s</i></div></div>

      """
  }

  /// Ticks from 0 at a round step, none beyond the clip's end.
  static func timeTicks(_ seconds: Double) -> [Double] {
    guard seconds > 0, seconds.isFinite else { return [0] }
    let step = timeSteps.first { seconds / $0 <= Double(maximumTimeTicks) } ?? timeSteps.last!
    return stride(from: 0, through: seconds, by: step).map { $0 }
  }

  private static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }
}
