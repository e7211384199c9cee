extension STOI {
  /// A clean signal's half of STOI, prepared once to score any number of processed versions of it: the
  /// signal at 10 kHz, which of its frames are speech (within 40 dB of its loudest), and their
  /// one-third-octave bands.
  ///
  /// A run scores every candidate against the source it was made from; preparing the source once saves
  /// its resampling, silence removal and spectrogram on each candidate. A score against a reference is
  /// bit-identical to scoring the two signals directly, which prepares one too.
  public struct Reference: Sendable {
    /// The clean signal's length and rate as given.
    let count: Int
    let sampleRate: Int
    /// Its length at 10 kHz.
    let length: Int
    /// The frames kept as speech, and the stretches of the 10 kHz signal they cover.
    let keptFrames: [Int]
    let spans: [Range<Int>]
    /// The band magnitudes of the speech frames.
    let bands: ThirdOctaveSpectrogram

    /// - Throws: ``Error/invalidSampleRate(_:)`` for a rate that is not positive.
    public init(clean: [Float], sampleRate: Int) throws(Error) {
      guard sampleRate > 0 else { throw .invalidSampleRate(sampleRate) }
      (count, self.sampleRate) = (clean.count, sampleRate)
      (length, keptFrames, bands) = STOIWorkspace.withPooled { workspace in
        let length = at10kHz(clean, from: sampleRate, into: &workspace.clean, scratch: &workspace.scratch)
        return workspace.clean.withUnsafeMutableBufferPointer { clean in
          let signal = UnsafeMutableBufferPointer(rebasing: clean[..<length])
          let kept = silentFrameRemoval.keptFrames(of: UnsafeBufferPointer(signal))
          let speechLength = silentFrameRemoval.overlapAdd(frames: kept, inPlace: signal)
          let bands = spectrogram(
            of: UnsafeBufferPointer(rebasing: clean[..<speechLength]),
            frameCount: silentFrameRemoval.frameCount(length: speechLength))
          return (length, kept, bands)
        }
      }
      spans = silentFrameRemoval.spans(of: keptFrames)
    }

    /// The memory the reference holds, in bytes.
    public var byteCount: Int {
      bands.values.count * MemoryLayout<Float>.stride + keptFrames.count * MemoryLayout<Int>.stride
        + spans.count * MemoryLayout<Range<Int>>.stride
    }
  }
}
