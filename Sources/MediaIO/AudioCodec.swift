/// A lossy speech or music codec that libsndfile both encodes and decodes, for simulating what a
/// recording went through before it reached a model.
///
/// Each codec is stored in the container libsndfile writes it in: GSM 6.10, μ-law and A-law in WAV,
/// Opus in Ogg, MP3 as a bare MPEG Layer III stream. Opus and MP3 take a compression level (0: least
/// compressed, 1: most) that libsndfile maps to the encoder's target bitrate; the other three have a
/// fixed bitrate.
public enum AudioCodec: String, Sendable, Codable, CaseIterable {
  /// ETSI GSM 06.10 full-rate, 13 kbit/s at 8 kHz (WAV, Microsoft's 65-byte blocks of 320 samples).
  case gsm = "gsm"
  /// RFC 6716 Opus (Ogg container, libopus), variable bitrate around its target.
  case opus = "opus"
  /// MPEG-1/2/2.5 Layer III (LAME), at a constant bitrate.
  case mp3 = "mp3"
  /// ITU-T G.711 μ-law, 8 bits a sample (64 kbit/s at 8 kHz).
  case muLaw = "mu-law"
  /// ITU-T G.711 A-law, 8 bits a sample (64 kbit/s at 8 kHz).
  case aLaw = "a-law"

  /// The sample rates the codec encodes, lowest first.
  ///
  /// GSM 6.10 and G.711 are defined for 8 kHz telephone audio; Opus runs at five internal rates; MP3's
  /// MPEG-1, -2 and -2.5 layers define nine.
  public var sampleRates: [Int] {
    switch self {
    case .gsm, .muLaw, .aLaw: [8_000]
    case .opus: [8_000, 12_000, 16_000, 24_000, 48_000]
    case .mp3: [8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000]
    }
  }

  /// Whether ``AudioCodec/encode(_:compressionLevel:name:)`` takes a compression level.
  public var takesCompressionLevel: Bool { self == .opus || self == .mp3 }

  /// The bitrate in bit/s the encoder aims at for `channels` channels at `sampleRate`: libsndfile's
  /// mapping of the compression level `c` (0…1, ignored by the fixed-rate codecs).
  ///
  /// - GSM 6.10: 65 bytes per 320 samples, 13 000 bit/s at 8 kHz.
  /// - G.711: 8 bits a sample.
  /// - Opus: `⌊(1 − c) × 250 000 + 6 000⌋` a channel (`ogg_opus_command` in libsndfile's `ogg_opus.c`);
  ///   libopus varies the rate around this target with the signal.
  /// - MP3: `⌊320 − 288 c⌋` kbit/s from 32 kHz, `⌊160 − 152 c⌋` from 16 kHz, `⌊64 − 56 c⌋` below
  ///   (`mpeg_l3_encoder_set_quality` in `mpeg_l3_encode.c`), which LAME moves to the nearest bitrate its
  ///   MPEG version defines (ISO/IEC 11172-3 and 13818-3; the lower on a tie).
  public func nominalBitrate(sampleRate: Int, channels: Int, compressionLevel c: Double) -> Int {
    switch self {
    case .gsm: return sampleRate * channels * 65 * 8 / 320
    case .muLaw, .aLaw: return sampleRate * channels * 8
    case .opus: return Int((1 - c) * 250_000 + 6_000) * channels
    case .mp3:
      let target = sampleRate >= 32_000 ? Int(320 - c * 288) : sampleRate >= 16_000 ? Int(160 - c * 152) : Int(64 - c * 56)
      let allowed = sampleRate >= 32_000 ? Self.mpeg1Bitrates : Self.mpeg2Bitrates
      // The first of equally near bitrates is the lower.
      return 1_000 * allowed.min { abs($0 - target) < abs($1 - target) }!
    }
  }

  /// Layer III bitrates in kbit/s: MPEG-1 (32–48 kHz), and MPEG-2 and 2.5 (8–24 kHz).
  private static let mpeg1Bitrates = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
  private static let mpeg2Bitrates = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
}
