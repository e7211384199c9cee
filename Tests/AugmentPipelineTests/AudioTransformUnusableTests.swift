import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// Which audio transform errors make a source unusable (tried once, counted by reason) and which are
/// left to redraws.
@Suite struct AudioTransformUnusableTests {
  static let speech = AudioBuffer(
    mono: (0..<4800).map { Float(0.2 * sin(2 * Double.pi * 440 * Double($0) / 16_000)) }, sampleRate: 16_000)

  /// A silent source cannot be normalised: unusable, with a reason shared by every silent source and
  /// what this one holds.
  @Test func silentSourceIsUnusable() throws {
    let silent = AudioBuffer(mono: [Float](repeating: 0, count: 4800), sampleRate: 16_000)
    var rng = Xoshiro256StarStar(seed: 1)
    do {
      _ = try LoudnessNormalization(targetLUFS: -23 ... -23)(silent, using: &rng)
      Issue.record("a silent source was normalised")
    } catch {
      let unusable = try #require(SourceUnusable(audioTransformError: error, source: silent))
      #expect(unusable.rule == "loudness")
      #expect(unusable.reason == "silent: no level to measure for loudness")
      #expect(unusable.detail == "every sample is zero")
    }
    let hum = AudioBuffer(mono: [Float](repeating: 1e-6, count: 4800), sampleRate: 16_000)
    let quiet = try #require(SourceUnusable(audioTransformError: AudioTransformError.silentInput(transform: "x"), source: hum))
    #expect(quiet.detail == "peak -120.0 dBFS")
  }

  /// A 6 kHz source cannot carry a 3400 Hz telephone band, and a 7 kHz one not a band that may reach
  /// 3600 Hz: refused before any draw, whatever the draw would be, and unusable.
  @Test func sampleRateUnderTheTelephoneBandIsUnusable() throws {
    let telephone = try TelephoneChannel(lowCut: 300...300, highCut: 3000...3600)
    for rate in [6000, 7000] {
      let source = AudioBuffer(mono: [Float](repeating: 0.1, count: rate / 2), sampleRate: rate)
      for seed in 0..<4 as Range<UInt64> {
        var rng = Xoshiro256StarStar(seed: seed)
        do {
          _ = try telephone(source, using: &rng)
          Issue.record("a \(rate) Hz source went through a band reaching 3600 Hz")
        } catch {
          let unusable = try #require(SourceUnusable(audioTransformError: error, source: source))
          #expect(unusable.reason == "sample rate too low for telephone")
          #expect(unusable.detail.hasPrefix("\(rate) Hz: the band may reach 3600.0 Hz"))
        }
      }
    }
    var rng = Xoshiro256StarStar(seed: 0)
    _ = try telephone(AudioBuffer(mono: [Float](repeating: 0.1, count: 4000), sampleRate: 8000), using: &rng)
  }

  /// A clip under 0.1 s cannot be normalised; the reason is the loudness check's.
  @Test func clipTooShortForLoudnessIsUnusable() throws {
    let short = AudioBuffer(mono: Array(Self.speech.channels[0].prefix(1000)), sampleRate: 16_000)
    var rng = Xoshiro256StarStar(seed: 1)
    do {
      _ = try LoudnessNormalization(targetLUFS: -23 ... -23)(short, using: &rng)
      Issue.record("a 62.5 ms clip was normalised")
    } catch {
      let unusable = try #require(SourceUnusable(audioTransformError: error, source: short))
      #expect(unusable.rule == "loudness")
      #expect(unusable.reason == "shorter than 0.1 s, the shortest clip loudness is measured on")
    }
  }

  /// What depends on the draw (the noise clip drawn) or on the recipe or a record is not the source's doing.
  @Test func drawnAndRecipeErrorsAreLeftToRedraws() {
    let errors: [any Error] = [
      AudioTransformError.silentNoise(clip: "car/a.wav"),
      AudioTransformError.noiseClipTooShort(clip: "car/a.wav", seconds: 0.03, minimumSeconds: 0.04),
      AudioTransformError.invalidConfiguration(transform: "telephone", detail: "band"),
      AudioTransformError.invalidParameters(transform: "background-noise", detail: "offset"),
      CocoaError(.fileReadCorruptFile),
    ]
    for error in errors { #expect(SourceUnusable(audioTransformError: error, source: Self.speech) == nil, "\(error)") }
  }
}
