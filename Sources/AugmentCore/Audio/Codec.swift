import MediaIO

/// A lossy codec round trip: the audio is encoded and decoded in memory by one of libsndfile's encoders
/// (GSM 6.10, Opus, MP3, G.711 μ-law or A-law), as a call or a compressed upload would leave it.
///
/// A draw picks a codec uniformly from ``codecs`` and, for Opus and MP3, a compression level uniformly
/// from ``compressionLevelRange`` (0: least compressed, 1: most; ``AudioCodec/nominalBitrate(sampleRate:channels:compressionLevel:)``
/// gives the bitrate each level aims at). The input is resampled with libsoxr to the lowest rate the codec
/// encodes that is at least the input's (the highest it encodes when the input's is above them all; GSM
/// and G.711 always run at 8 kHz, so they also band-limit), encoded, decoded, aligned, resampled back, and
/// trimmed or zero-padded to the input's length.
///
/// Alignment: the decoded signal is shifted earlier by the lag that best aligns it with the signal that
/// was encoded (``CodecDelay``, searched up to ``maximumDelay``), so that metrics comparing input and
/// output sample by sample (SNR, STOI) see the codec's distortion rather than a shift. The lag is
/// measured when parameters are drawn, which costs one extra round trip, and recorded with the measured
/// bitrate (the encoded bytes, container included, × 8 over the duration), so ``apply(_:to:)`` replays
/// it without measuring again.
///
/// Determinism: GSM 6.10, G.711, LAME and libopus encode the same samples to the same bits on every run.
/// An Ogg stream's serial number is drawn from the clock by libsndfile, so Opus bytes differ run to run in
/// that number and the page checksums; the decoded samples do not depend on it and are identical.
public struct Codec: Transform {
  public typealias Input = AudioBuffer
  public static let name = "codec"
  /// The longest codec delay searched for, in seconds: above an MP3 frame's encoder delay and padding.
  public static let maximumDelay = 0.1

  public let codecs: [AudioCodec]
  public let compressionLevelRange: ClosedRange<Double>

  public struct Parameters: Codable, Sendable, Equatable {
    public var codec: AudioCodec
    /// The compression level handed to the encoder (Opus, MP3), `nil` for the fixed-rate codecs.
    public var compressionLevel: Double?
    /// The rate the codec ran at, in Hz.
    public var codecRate: Int
    /// The encoding's bitrate in bit/s: its bytes, container included, × 8 over the duration.
    public var bitrate: Double
    /// The frames, at ``codecRate``, the decoded signal lagged the encoded one and was shifted back by.
    public var delayFrames: Int

    public init(codec: AudioCodec, compressionLevel: Double?, codecRate: Int, bitrate: Double, delayFrames: Int) {
      self.codec = codec
      self.compressionLevel = compressionLevel
      self.codecRate = codecRate
      self.bitrate = bitrate
      self.delayFrames = delayFrames
    }
  }

  /// - Throws: ``AudioTransformError/invalidConfiguration(transform:detail:)`` for an empty codec list or
  ///   a level range outside 0…1.
  public init(codecs: [AudioCodec] = AudioCodec.allCases, compressionLevel: ClosedRange<Double> = 0.5...0.9) throws {
    guard !codecs.isEmpty else {
      throw AudioTransformError.invalidConfiguration(transform: Self.name, detail: "the codec list is empty")
    }
    guard compressionLevel.lowerBound >= 0, compressionLevel.upperBound <= 1 else {
      throw AudioTransformError.invalidConfiguration(
        transform: Self.name, detail: "compression levels \(compressionLevel) must lie in 0…1")
    }
    self.codecs = codecs
    self.compressionLevelRange = compressionLevel
  }

  /// The rate `codec` runs at for input at `sampleRate`.
  public static func codecRate(for codec: AudioCodec, inputRate sampleRate: Int) -> Int {
    codec.sampleRates.first { $0 >= sampleRate } ?? codec.sampleRates.last!
  }

  /// Draws a codec and a level (a level is drawn for every codec, so the draws that follow do not depend
  /// on which codec came up), then runs the round trip once to measure its bitrate and delay.
  public func sampleParameters(for input: AudioBuffer, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let codec = codecs[rng.index(below: codecs.count)]
    let level = rng.uniform(in: compressionLevelRange)
    let rate = Self.codecRate(for: codec, inputRate: input.sampleRate)
    var parameters = Parameters(
      codec: codec, compressionLevel: codec.takesCompressionLevel ? level : nil, codecRate: rate, bitrate: 0,
      delayFrames: 0)
    let trip = try roundTrip(input, parameters)
    parameters.bitrate = Double(trip.encodedBytes * 8) / trip.encoded.duration
    parameters.delayFrames = CodecDelay.lag(
      of: trip.decoded.channels[0], behind: trip.encoded.channels[0],
      maximumLag: Int(Self.maximumDelay * Double(rate)))
    return parameters
  }

  public func apply(_ parameters: Parameters, to input: consuming AudioBuffer) throws -> AudioBuffer {
    let (sampleRate, frameCount) = (input.sampleRate, input.frameCount)
    guard parameters.delayFrames >= 0, Double(parameters.delayFrames) <= Self.maximumDelay * Double(parameters.codecRate)
    else {
      throw AudioTransformError.invalidParameters(
        transform: Self.name, detail: "a delay of \(parameters.delayFrames) frames at \(parameters.codecRate) Hz")
    }
    let trip = try roundTrip(input, parameters)
    let narrowFrames = trip.encoded.frameCount
    let aligned = trip.decoded.channels.map { Self.fit(Array($0.dropFirst(parameters.delayFrames)), to: narrowFrames) }
    let restored = try Resampler.resample(AudioBuffer(channels: aligned, sampleRate: parameters.codecRate), to: sampleRate)
    return AudioBuffer(channels: restored.channels.map { Self.fit($0, to: frameCount) }, sampleRate: sampleRate)
  }

  /// The signal as encoded (at the codec's rate), the decoded signal, and the encoding's size.
  private func roundTrip(_ input: AudioBuffer, _ parameters: Parameters) throws -> (
    encoded: AudioBuffer, decoded: AudioBuffer, encodedBytes: Int
  ) {
    let codec = parameters.codec
    let level: Double? = parameters.compressionLevel
    let levelFits = level.map { (0...1).contains($0) } ?? true
    guard codec.sampleRates.contains(parameters.codecRate), codec.takesCompressionLevel == (level != nil), levelFits
    else {
      let levelText = level.map { "level \($0)" } ?? "no level"
      throw AudioTransformError.invalidParameters(
        transform: Self.name, detail: "\(codec.rawValue) at \(parameters.codecRate) Hz with \(levelText)")
    }
    let narrow = try Resampler.resample(input, to: parameters.codecRate)
    let name = "\(codec.rawValue) encoding"
    let bytes = try codec.encode(narrow, compressionLevel: parameters.compressionLevel, name: name)
    let decoded = try AudioFile.decode(bytes, name: name).buffer
    guard decoded.sampleRate == parameters.codecRate, decoded.channelCount == narrow.channelCount else {
      throw MediaError.corrupt(
        path: name,
        detail: "decoded \(decoded.channelCount) channels at \(decoded.sampleRate) Hz from \(narrow.channelCount) at \(parameters.codecRate) Hz")
    }
    return (narrow, decoded, bytes.count)
  }

  /// `samples` cut or zero-padded to `count`.
  private static func fit(_ samples: [Float], to count: Int) -> [Float] {
    samples.count >= count ? Array(samples.prefix(count)) : samples + [Float](repeating: 0, count: count - samples.count)
  }
}
