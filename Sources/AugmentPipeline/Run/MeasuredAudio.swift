import AugmentCore
import MediaIO
import Synchronization

/// A clip with what the checklist measures on it more than once, measured on first use and then kept:
/// a candidate's loudness is both the loudness rule's value and one of its realism features, and a
/// source's half of STOI (``STOI/Reference``) serves every candidate made from it, its redraws and, from
/// the run's ``SourceCache``, later samples, as does the first transform's analysis of it
/// (``FirstStepAnalysis``: its active speech level, for background noise).
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

  /// The first channel's half of STOI, prepared by the first caller.
  /// - Throws: ``STOI/Error``, to every caller, for a clip STOI cannot be prepared on.
  public func stoiReference() throws(STOI.Error) -> STOI.Reference {
    try measured.stoiReference.withLock { cached in
      if let cached { return cached }
      let reference = Result { () throws(STOI.Error) in
        try STOI.Reference(clean: buffer.channels[0], sampleRate: buffer.sampleRate)
      }
      cached = reference
      return reference
    }.get()
  }

  /// The first transform's analysis of the clip as a source.
  var firstStepAnalysis: FirstStepAnalysis { measured.firstStepAnalysis }

  /// The clip's realism features (``AudioRealismFeatures``), measured as members' are, on the loudness
  /// measured once for them and the loudness rule.
  var realismFeatures: [Double] {
    AudioRealismFeatures.measure(buffer, loudness: (try? loudness().value) ?? .nan)
  }

  private final class Measured: Sendable {
    let loudness = Mutex<Result<Loudness.Measurement, Loudness.Error>?>(nil)
    let stoiReference = Mutex<Result<STOI.Reference, STOI.Error>?>(nil)
    let firstStepAnalysis = FirstStepAnalysis()
  }
}
