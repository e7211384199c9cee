import Foundation
import Synchronization

/// Short-Time Objective Intelligibility (Taal, Hendriks, Heusdens & Jensen, IEEE TASLP 2011), and its
/// extended form (Jensen & Taal, IEEE TASLP 2016), computed as the reference implementation pystoi does.
///
/// Steps, each following pystoi 0.4 (`stoi.py`, `utils.py`):
/// 1. both signals are resampled to 10 kHz;
/// 2. frames where the clean signal is more than 40 dB below its loudest frame are removed from both
///    (256-sample `hanning` frames, hop 128, windowed frames overlap-added back);
/// 3. a 512-point STFT of 256-sample `hanning` frames, hop 128, is grouped into 15 one-third-octave
///    bands from 150 Hz;
/// 4. over every 30-frame (384 ms) segment, each band of the processed signal is normalised to the clean
///    band's energy, clipped at β = −15 dB signal-to-distortion, and correlated with the clean band;
///    the score is the mean over bands and segments.
///
/// Deviations from pystoi, all measured against it by the reference tests:
/// - resampling uses a shorter polyphase filter than pystoi's (``PolyphaseResampler`` with its transition
///   band at 4.26–5.74 kHz and 60 dB attenuation, 40 taps per output at 16 kHz, against pystoi's 4.75–5.25 kHz
///   and 117 taps). No band reaches above 4.26 kHz and anything that could alias below it is suppressed
///   by 60 dB, so the bands see the same signal. (libsoxr through `MediaIO.Resampler` agrees as
///   well, but costs about 1 ms per channel per 3 s clip, more than all of STOI here.);
/// - arithmetic is single precision (pystoi: double);
/// - when fewer than 30 frames remain after silence removal pystoi warns and returns `1e-5`; this throws
///   ``Error/tooFewSpeechFrames(found:required:)`` instead, so a too-short clip is never mistaken for an
///   unintelligible one;
/// - extended STOI leaves a constant band or frame at zero where pystoi adds `ε`-sized random noise.
///
/// ``measure(clean:processed:sampleRate:extended:)`` also scores clips with less than
/// 384 ms of speech, such as keywords and commands, by shortening the segment to the frames there are
/// (see ``Measurement``).
public enum STOI {
  /// A score and the segment length it was computed with.
  ///
  /// Taal et al. 2011 chose 30-frame (384 ms) segments and found segments of that order predict
  /// intelligibility better than whole-utterance statistics; a clip with less speech has no such segment.
  /// Its score is then computed over one segment of all its speech frames, down to
  /// ``shortestSegmentLength``, exactly as pystoi computes it with its segment length `N` set to that
  /// number (checked against pystoi by the reference tests). The trade-off: each segment's mean is
  /// removed, so a segment of `N` frames ignores envelope modulation slower than about `1 / (N · 12.8 ms)`
  /// (2.6 Hz at 30 frames, 7.8 Hz at 10), and its correlation rests on fewer values. On the shipped
  /// utterances mixed with the shipped noise at −15…10 dB (180 pairs, `make-stoi-short-reference.py`),
  /// scores at 20, 15, 12 and 10 frames rank the pairs as the 30-frame score does (Spearman 0.998, 0.995,
  /// 0.993, 0.990) but read lower on average by 0.03, 0.06, 0.09 and 0.12: a threshold set for 30 frames
  /// is stricter on a short clip, never more lenient.
  public struct Measurement: Sendable, Equatable {
    /// The (extended) STOI, about 0 for unintelligible, 1 for identical.
    public var value: Double
    /// Frames per segment: ``standardSegmentLength`` as published, fewer for a clip with less speech.
    public var segmentLength: Int
  }

  /// Why STOI could not be computed.
  public enum Error: Swift.Error, CustomStringConvertible, Equatable {
    /// The clean and processed signals have different lengths; STOI compares them sample-aligned.
    case lengthMismatch(clean: Int, processed: Int)
    /// The sample rate is not positive.
    case invalidSampleRate(Int)
    /// Too little speech: after removing silent frames, fewer STFT frames remain than one segment needs.
    case tooFewSpeechFrames(found: Int, required: Int)

    public var description: String {
      switch self {
      case .lengthMismatch(let clean, let processed):
        "STOI needs signals of equal length: the clean signal has \(clean) samples, the processed \(processed). "
          + "Compare the processed signal with the clean source it was made from."
      case .invalidSampleRate(let rate):
        "STOI needs a positive sample rate, got \(rate)."
      case .tooFewSpeechFrames(let found, let required):
        "STOI needs at least \(required) frames of speech (\(STOI.milliseconds(frames: required)) ms at 10 kHz "
          + "after dropping frames 40 dB below the loudest), found \(found). Use a longer clip, or one with more speech."
      }
    }
  }

  /// The rate all analysis runs at, in hertz.
  static let sampleRate = 10_000
  /// Samples per analysis frame (25.6 ms).
  static let frameLength = 256
  /// Samples between frame starts.
  static let hop = 128
  /// Frames per segment for the intermediate intelligibility as published (384 ms).
  public static let standardSegmentLength = 30
  /// The shortest segment ``measure(clean:processed:sampleRate:extended:)`` falls back to (128 ms): the
  /// shortest whose scores were measured to still rank noisy speech as 30-frame scores do (see ``Measurement``).
  public static let shortestSegmentLength = 10
  /// Clean frames more than this many dB below the loudest count as silent.
  static let dynamicRange = 40.0
  /// The lower signal-to-distortion bound β in dB; the processed envelope is clipped at `1 + 10^{−β/20}` times the clean.
  static let beta = -15.0

  /// Where the resampling low-pass goes from pass to stop, in multiples of 5 kHz: 4.26 kHz is just above
  /// the highest FFT bin any band uses (bin 218, 4.258 kHz), and 5.74 kHz mirrors to 4.26 kHz at 10 kHz,
  /// so whatever could alias into a band lies in the stop band.
  static let resamplingTransitionBand = 0.852...1.148
  /// The transition band for a source below 10 kHz (8 kHz telephone speech, keyword corpora), in
  /// multiples of the source's Nyquist frequency. There the filter removes the images of the source's
  /// spectrum, which start at its Nyquist frequency, inside the bands (at 8 kHz, the top band reaches 4.26
  /// kHz): pystoi's filter goes from pass to stop within ±5 % of that frequency, and so does this one,
  /// so the top band sees the images pystoi lets through and no others (the wider band above left images
  /// up to 4.6 kHz in it, moving extended STOI of a 0.4 s clip by 0.0075).
  static let upsamplingTransitionBand = 0.95...1.05

  static let framing = Framing(window: Window.hanning(count: frameLength), hop: hop)
  static let fftPlan = RealFFTPlan(count: 512)
  static let bands = ThirdOctaveBands(sampleRate: sampleRate, fftLength: 512, bandCount: 15, lowestCentre: 150)
  static let silentFrameRemoval = SilentFrameRemoval(framing: framing, dynamicRange: dynamicRange)

  /// The STOI of `processed` against `clean`, both mono at `sampleRate`: about 0 for unintelligible,
  /// 1 for identical. With `extended`, the extended STOI (ESTOI), which also handles modulated noise.
  ///
  /// - Throws: ``Error`` when the lengths differ, the rate is not positive, or too little speech remains.
  public static func compute(clean: [Float], processed: [Float], sampleRate: Int, extended: Bool = false) throws
    -> Double
  {
    try score(
      clean: clean, processed: processed, sampleRate: sampleRate, extended: extended,
      segmentLengths: standardSegmentLength...standardSegmentLength
    ).value
  }

  /// The STOI of `processed` against `clean` with 30-frame segments when the clean signal has that much
  /// speech, and otherwise over one segment of every speech frame it has, if there are at least
  /// ``shortestSegmentLength`` (see ``Measurement``).
  ///
  /// - Throws: ``Error`` when the lengths differ, the rate is not positive, or fewer than
  ///   ``shortestSegmentLength`` frames of speech remain: a property of the clean signal alone, so every
  ///   processed version of it fails the same way.
  public static func measure(clean: [Float], processed: [Float], sampleRate: Int, extended: Bool = false) throws
    -> Measurement
  {
    try score(
      clean: clean, processed: processed, sampleRate: sampleRate, extended: extended,
      segmentLengths: shortestSegmentLength...standardSegmentLength)
  }

  /// `frames` STFT hops at 10 kHz in milliseconds, rounded: how much speech that many frames stand for.
  public static func milliseconds(frames: Int) -> Int {
    (frames * hop * 1000 + sampleRate / 2) / sampleRate
  }

  /// The STOI (or ESTOI) of `processed` against the clean signal `reference` was prepared from, with
  /// 30-frame segments when the clean signal has that much speech and otherwise one segment of all its
  /// speech frames, as ``measure(clean:processed:sampleRate:extended:)`` scores them.
  ///
  /// - Throws: ``Error`` when `processed` is not as long as the clean signal, or the clean signal has
  ///   fewer than ``shortestSegmentLength`` frames of speech.
  public static func measure(_ reference: Reference, processed: [Float], extended: Bool = false) throws -> Measurement {
    try score(
      reference, processed: processed, extended: extended,
      segmentLengths: shortestSegmentLength...standardSegmentLength)
  }

  /// The score with the longest segment in `segmentLengths` that the speech frames allow.
  private static func score(
    clean: [Float], processed: [Float], sampleRate: Int, extended: Bool, segmentLengths: ClosedRange<Int>
  ) throws -> Measurement {
    guard clean.count == processed.count else {
      throw Error.lengthMismatch(clean: clean.count, processed: processed.count)
    }
    let reference = try Reference(clean: clean, sampleRate: sampleRate)
    return try score(reference, processed: processed, extended: extended, segmentLengths: segmentLengths)
  }

  private static func score(
    _ reference: Reference, processed: [Float], extended: Bool, segmentLengths: ClosedRange<Int>
  ) throws -> Measurement {
    guard processed.count == reference.count else {
      throw Error.lengthMismatch(clean: reference.count, processed: processed.count)
    }
    return try STOIWorkspace.withPooled { workspace in
      // The processed signal is needed only where the clean signal's speech frames reach.
      at10kHz(
        processed, from: reference.sampleRate, into: &workspace.processed, scratch: &workspace.scratch,
        only: reference.spans)
      return try workspace.processed.withUnsafeMutableBufferPointer { processed in
        let speechLength = silentFrameRemoval.overlapAdd(
          frames: reference.keptFrames, inPlace: UnsafeMutableBufferPointer(rebasing: processed[..<reference.length]))
        let frames = reference.bands.frameCount
        guard frames >= segmentLengths.lowerBound else {
          throw Error.tooFewSpeechFrames(found: frames, required: segmentLengths.lowerBound)
        }
        let segmentLength = min(frames, segmentLengths.upperBound)
        let processedBands = spectrogram(
          of: UnsafeBufferPointer(rebasing: processed[..<speechLength]), frameCount: frames)
        if extended {
          let value = IntermediateIntelligibility.extended(
            clean: reference.bands, processed: processedBands, segmentLength: segmentLength)
          return Measurement(value: value, segmentLength: segmentLength)
        }
        let clipFactor = Float(1 + pow(10, -beta / 20))
        let value = IntermediateIntelligibility.standard(
          clean: reference.bands, processed: processedBands, segmentLength: segmentLength, clipFactor: clipFactor)
        return Measurement(value: value, segmentLength: segmentLength)
      }
    }
  }

  /// Writes `signal` at 10 kHz to the start of `buffer`, growing it as needed, and returns its length at
  /// 10 kHz. With `spans`, only the samples in them need be written, and a resampler computes no others.
  @discardableResult
  static func at10kHz(
    _ signal: [Float], from rate: Int, into buffer: inout [Float], scratch: inout [Float], only spans: [Range<Int>]? = nil
  ) -> Int {
    guard rate != sampleRate else {
      buffer.grow(toAtLeast: signal.count)
      buffer.replaceSubrange(0..<signal.count, with: signal)
      return signal.count
    }
    let resampler = resampler(from: rate)
    let length = resampler.outputCount(for: signal.count)
    buffer.grow(toAtLeast: length)
    scratch.grow(toAtLeast: resampler.scratchCount(for: signal.count))
    scratch.withUnsafeMutableBufferPointer { scratch in
      buffer.withUnsafeMutableBufferPointer { output in
        signal.withUnsafeBufferPointer {
          resampler.resample($0, into: output.baseAddress!, scratch: scratch.baseAddress!, only: spans)
        }
      }
    }
    return length
  }

  /// Resampling plans by source rate, each built on first use: building one costs more than applying it
  /// to a short clip. Rates are few in practice, so the cache is never pruned.
  private static let resamplers = Mutex<[Int: PolyphaseResampler]>([:])

  /// The plan that takes `rate` to 10 kHz.
  static func resampler(from rate: Int) -> PolyphaseResampler {
    resamplers.withLock { plans in
      if let plan = plans[rate] { return plan }
      let plan = PolyphaseResampler(
        from: rate, to: sampleRate,
        transitionBand: rate < sampleRate ? upsamplingTransitionBand : resamplingTransitionBand, attenuation: 60)
      plans[rate] = plan
      return plan
    }
  }

  /// The one-third-octave band magnitudes of a 10 kHz signal.
  static func spectrogram(of signal: UnsafeBufferPointer<Float>, frameCount: Int) -> ThirdOctaveSpectrogram {
    ThirdOctaveSpectrogram(of: signal, frameCount: frameCount, framing: framing, plan: fftPlan, bands: bands)
  }
}
