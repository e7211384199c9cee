import AugmentCore
import MediaIO
import Synchronization

/// A clip with what the checklist measures on it more than once, measured on first use and then kept:
/// a candidate's loudness is both the loudness rule's value and one of its realism features, and
/// BS.1770's K-weighting filter is a third of a candidate's checklist time.
public struct MeasuredAudio: Sendable {
  public let buffer: AudioBuffer
  private let measured = Measured()

  public init(_ buffer: AudioBuffer) {
    self.buffer = buffer
  }

  /// The clip's loudness (``Loudness/measure(_:)``), measured by the first caller.
  /// - Throws: ``Loudness/Error``, to every caller, for a clip loudness cannot be measured on.
  public func loudness() throws(Loudness.Error) -> Loudness.Measurement {
    try measured.loudness.withLock { cached in
      if let cached { return cached }
      let measurement = Result { () throws(Loudness.Error) in try Loudness.measure(buffer) }
      cached = measurement
      return measurement
    }.get()
  }

  /// The clip's realism features (``AudioRealismFeatures``), measured as members' are, on the loudness
  /// measured once for them and the loudness rule.
  var realismFeatures: [Double] {
    AudioRealismFeatures.measure(buffer, loudness: (try? loudness().value) ?? .nan)
  }

  private final class Measured: Sendable {
    let loudness = Mutex<Result<Loudness.Measurement, Loudness.Error>?>(nil)
  }
}
