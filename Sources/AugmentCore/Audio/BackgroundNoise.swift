import Foundation
import MediaIO

/// Adds a recording from a noise-bank category at a signal-to-noise ratio drawn from a range.
///
/// Drawing picks a clip uniformly from the category, an SNR from `snr` (uniformly over a range, or matched
/// to a slice's real members, see ``ParameterDraw``), and an offset uniformly among those that fit (``NoiseTrack``): a clip at least as long as the speech is cut at the
/// offset; a shorter one is looped from it with equal-power crossfades of `crossfadeSeconds` (at most
/// half the clip, never under 20 ms) at each seam.
///
/// The SNR is measured per ``SNRDefinition`` on the mono down-mix of the speech (the average of its
/// channels) against the mean square of the noise over the speech's whole span. The noise is mono and
/// the same noise is added to every channel of the speech, so the down-mix of the result carries exactly
/// the drawn SNR. When the speech's rate differs from the bank's, the clip is resampled to the speech's
/// rate (the bank caches that rate too). If the mix would peak above ``PeakLimit/ceiling``, the whole
/// mix is scaled down to the ceiling and the factor is recorded as `mixGain`; nothing is clipped.
///
/// Drawing does all measuring; applying only rebuilds the noise track and mixes with the recorded
/// gains, so replaying a manifest's parameters reproduces the output bit for bit. The speech's power is
/// its ``analyse(_:)``: a run measures a source's once for all the candidates made from it.
public struct BackgroundNoise: InputAnalysingTransform {
  public typealias Input = AudioBuffer
  public static let name = "background-noise"
  /// The shortest crossfade allowed at a loop seam.
  public static let minimumCrossfadeSeconds = 0.02

  public let bank: NoiseBank
  public let category: String
  /// How the SNR in dB is drawn.
  public let snr: ParameterDraw
  public let definition: SNRDefinition
  public let crossfadeSeconds: Double
  private let clips: [String]

  /// What one application did.
  public struct Parameters: Codable, Sendable, Equatable {
    /// The clip, relative to the bank's root.
    public var clip: String
    /// The clip frame (at the speech's rate) that lands on the speech's first frame.
    public var offset: Int
    /// Whether the clip was looped because it is shorter than the speech.
    public var looped: Bool
    /// Frames of each equal-power crossfade at a loop seam (0 when not looped).
    public var crossfadeFrames: Int
    /// The drawn SNR in dB.
    public var snrDB: Double
    /// How the SNR is defined.
    public var definition: SNRDefinition
    /// The linear gain applied to the noise to reach `snrDB`.
    public var noiseGain: Double
    /// The linear gain applied to the whole mix: below 1 when it was scaled down to avoid clipping.
    public var mixGain: Double
  }

  /// - Throws: ``NoiseBankError`` when the category is missing or empty; ``AudioTransformError`` for a
  ///   non-finite SNR range or a crossfade under 20 ms.
  public init(
    bank: NoiseBank, category: String, snr: ParameterDraw,
    definition: SNRDefinition = .activeSpeech, crossfadeSeconds: Double = 0.05
  ) throws {
    guard snr.range.lowerBound.isFinite, snr.range.upperBound.isFinite else {
      throw AudioTransformError.invalidConfiguration(transform: Self.name, detail: "the SNR range must be finite")
    }
    guard crossfadeSeconds >= Self.minimumCrossfadeSeconds else {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name, detail: "crossfade \(crossfadeSeconds) s is under the minimum of 0.02 s")
    }
    self.clips = try bank.requireClips(in: category)
    self.bank = bank
    self.category = category
    self.snr = snr
    self.definition = definition
    self.crossfadeSeconds = crossfadeSeconds
  }

  /// The speech power the SNR is set against: per ``definition``, of the down-mix of the channels.
  public func analyse(_ input: AudioBuffer) -> Double {
    let speech = SignalMath.average(of: input.channels)
    return SignalToNoise.speechPower(speech, definition: definition, sampleRate: input.sampleRate)
  }

  public func sampleParameters(
    for input: AudioBuffer, analysis speechPower: Double, using rng: inout some RandomNumberGenerator
  ) throws -> Parameters {
    let clip = clips[rng.index(below: clips.count)]
    let snrDB = snr.draw(using: &rng)
    let noise = try bank.decoded(clip, sampleRate: input.sampleRate)
    let length = input.frameCount
    let looped = NoiseTrack.needsLoop(clipLength: noise.samples.count, length: length)
    let crossfade =
      looped ? try crossfadeFrames(clip: clip, clipLength: noise.samples.count, sampleRate: input.sampleRate) : 0
    let offset = rng.index(
      below: NoiseTrack.offsetCount(clipLength: noise.samples.count, length: length, crossfade: crossfade))
    guard speechPower > 0 else { throw AudioTransformError.silentInput(transform: Self.name) }
    let (noiseGain, mixGain) = try NoiseTrack.withTrack(
      from: noise.samples, offset: offset, length: length, crossfade: crossfade
    ) { track in
      let noisePower = looped ? SignalMath.meanSquare(track) : noise.meanSquare(in: offset..<(offset + length))
      guard noisePower > 0 else { throw AudioTransformError.silentNoise(clip: clip) }
      let noiseGain = SignalToNoise.noiseGain(speechPower: speechPower, noisePower: noisePower, snrDB: snrDB)
      let mixGain = Self.mixGain(
        speech: input, track: track, noiseGain: Float(noiseGain), trackPeakBound: looped ? nil : noise.peak)
      return (noiseGain, mixGain)
    }
    return Parameters(
      clip: clip, offset: offset, looped: looped, crossfadeFrames: crossfade, snrDB: snrDB, definition: definition,
      noiseGain: noiseGain, mixGain: mixGain)
  }

  /// Applying needs no analysis: the gains were measured when drawing.
  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer, analysis: Double) throws -> AudioBuffer {
    try apply(parameters, to: input)
  }

  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer) throws -> AudioBuffer {
    let noise = try bank.samples(for: parameters.clip, sampleRate: input.sampleRate)
    let length = input.frameCount
    let looped = NoiseTrack.needsLoop(clipLength: noise.count, length: length)
    let crossfadeFits = looped
      ? parameters.crossfadeFrames >= 1 && parameters.crossfadeFrames <= NoiseTrack.maximumCrossfade(clipLength: noise.count)
      : parameters.crossfadeFrames == 0
    let offsets = NoiseTrack.offsetCount(clipLength: noise.count, length: length, crossfade: parameters.crossfadeFrames)
    guard looped == parameters.looped, crossfadeFits, (0..<max(offsets, 0)).contains(parameters.offset) else {
      throw AudioTransformError.invalidParameters(
        transform: Self.name,
        detail: "offset \(parameters.offset), crossfade \(parameters.crossfadeFrames) and looped \(parameters.looped) "
          + "for \(parameters.clip) (\(noise.count) frames) under \(length) frames of speech")
    }
    var output = consume input
    NoiseTrack.withTrack(
      from: noise, offset: parameters.offset, length: length, crossfade: parameters.crossfadeFrames
    ) { track in
      for c in output.channels.indices {
        SignalMath.mix(
          into: &output.channels[c], track, addedGain: Float(parameters.noiseGain), outputGain: Float(parameters.mixGain))
      }
    }
    return output
  }

  /// The gain that keeps the mix `speech + noiseGain × track` under ``PeakLimit/ceiling``.
  ///
  /// With a bound on the track's peak (a cut track's is the clip's), the mix's peak is at most
  /// `peak(speech) + noiseGain × bound`, and rounding keeps that order; when the bound fits under the
  /// ceiling the gain is 1 without building or scanning the mix. Otherwise the mix's own peak decides.
  /// (A looped track's crossfades can exceed the clip's peak, so it comes without a bound.)
  private static func mixGain(
    speech: AudioBuffer, track: UnsafeBufferPointer<Float>, noiseGain: Float, trackPeakBound: Float?
  ) -> Double {
    if let bound = trackPeakBound, SignalMath.peak(speech) + noiseGain * bound <= PeakLimit.ceiling { return 1 }
    let peak = speech.channels.reduce(Float(0)) { max($0, SignalMath.peakOfMix($1, track, addedGain: noiseGain)) }
    return PeakLimit.gain(forPeak: peak)
  }

  /// The seam crossfade for a clip: the configured length, capped at half the clip, and at least 20 ms.
  private func crossfadeFrames(clip: String, clipLength: Int, sampleRate: Int) throws -> Int {
    let wanted = Int((crossfadeSeconds * Double(sampleRate)).rounded())
    let minimum = Int((Self.minimumCrossfadeSeconds * Double(sampleRate)).rounded(.up))
    let frames = min(wanted, NoiseTrack.maximumCrossfade(clipLength: clipLength))
    guard frames >= minimum else {
      throw AudioTransformError.noiseClipTooShort(
        clip: clip, seconds: Double(clipLength) / Double(sampleRate), minimumSeconds: 2 * Self.minimumCrossfadeSeconds)
    }
    return frames
  }
}
