import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct BackgroundNoiseTests {
  static let rate = NoiseBankFixture.sampleRate

  /// The noise that was added: (output / mixGain) − speech, channel 0.
  static func addedNoise(_ output: AudioBuffer, speech: [Float], mixGain: Double) -> [Float] {
    zip(output.channels[0], speech).map { $0 / Float(mixGain) - $1 }
  }

  /// Mixed at 5 dB and measured back from the output with the same definition, the speech's power taken
  /// from the transcribed G.191 voltmeter (``SpeechLevelTests/referenceVoltmeter(_:sampleRate:)``) or its
  /// plain mean square, the noise's from its mean square: within 2e-6 dB (measured: at most 3.9e-7).
  @Test(arguments: SNRDefinition.allCases)
  func mixedSNRMeasuresBack(definition: SNRDefinition) throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(5...5), definition: definition)
    let speech = SpeechLikeSignal.make(seconds: 3.5, sampleRate: Self.rate, seed: 31)
    for index in 0..<4 {
      var rng = Xoshiro256StarStar.forSample(seed: 99, index: index)
      let (output, record) = try transform(AudioBuffer(mono: speech, sampleRate: Self.rate), using: &rng)
      let parameters = try record.decodeParameters(BackgroundNoise.Parameters.self)
      #expect(parameters.mixGain == 1)
      #expect(parameters.definition == definition)
      let noise = Self.addedNoise(output, speech: speech, mixGain: parameters.mixGain)
      let measured = Self.referenceSNR(speech: speech, noise: noise, definition: definition)
      #expect(abs(measured - 5) < 2e-6, "\(parameters.clip): measured \(measured) dB")
    }
  }

  /// The SNR in dB measured without ``SignalToNoise`` or ``SpeechLevel``.
  static func referenceSNR(
    speech: [Float], noise: [Float], definition: SNRDefinition, sampleRate: Int = rate
  ) -> Double {
    func meanSquare(_ x: [Float]) -> Double { x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count) }
    let speechDB =
      switch definition {
      case .activeSpeech: SpeechLevelTests.referenceVoltmeter(speech, sampleRate: sampleRate).levelDB
      case .rms: 10 * log10(meanSquare(speech))
      }
    return speechDB - 10 * log10(meanSquare(noise))
  }

  /// Applying mixes into the input's storage only when the caller has given the input up: a buffer
  /// the caller still holds comes out of the call as it went in.
  @Test func applyLeavesAHeldInputAlone() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(5...5))
    let speech = SpeechLikeSignal.make(seconds: 1, sampleRate: Self.rate, seed: 32)
    let input = AudioBuffer(mono: speech, sampleRate: Self.rate)
    var rng = Xoshiro256StarStar.forSample(seed: 5, index: 0)
    let parameters = try transform.sampleParameters(for: input, using: &rng)
    let output = try transform.apply(parameters, to: input)
    #expect(input.channels[0] == SpeechLikeSignal.make(seconds: 1, sampleRate: Self.rate, seed: 32))
    #expect(output.channels[0] != speech)
  }

  /// The same speech with one second of silence in front gets the same SNR over its speech under the
  /// active-speech definition; under plain RMS the silence would make the noise ≈ 1.25 dB quieter.
  @Test func leadingSilenceKeepsActiveSpeechSNR() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let speech = SpeechLikeSignal.make(seconds: 3, sampleRate: Self.rate, seed: 32)
    let padded = [Float](repeating: 0, count: Self.rate) + speech

    func snrOverSpeech(_ signal: [Float], definition: SNRDefinition) throws -> Double {
      let transform = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(5...5), definition: definition)
      var rng = Xoshiro256StarStar.forSample(seed: 5, index: 0)
      let parameters = try transform.sampleParameters(for: AudioBuffer(mono: signal, sampleRate: Self.rate), using: &rng)
      let output = try transform.apply(parameters, to: AudioBuffer(mono: signal, sampleRate: Self.rate))
      let noise = Self.addedNoise(output, speech: signal, mixGain: parameters.mixGain).suffix(speech.count)
      return SignalToNoise.measure(speech: speech, noise: Array(noise), definition: .activeSpeech, sampleRate: Self.rate)
    }
    let plain = try snrOverSpeech(speech, definition: .activeSpeech)
    let withSilence = try snrOverSpeech(padded, definition: .activeSpeech)
    #expect(abs(plain - 5) < 0.1)
    #expect(abs(withSilence - plain) < 0.05, "\(plain) dB without silence, \(withSilence) dB with")

    let rmsPlain = try snrOverSpeech(speech, definition: .rms)
    let rmsWithSilence = try snrOverSpeech(padded, definition: .rms)
    #expect(abs(rmsWithSilence - rmsPlain - 10 * log10(4.0 / 3.0)) < 0.1)
  }

  /// Loud speech under louder noise would exceed full scale: the whole mix is scaled by `mixGain`,
  /// every sample by the same factor, so nothing is flattened and the SNR is unchanged.
  @Test func clippingMixIsScaledNotClipped() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(-10 ... -10))
    let speech = SpeechLikeSignal.make(seconds: 2, sampleRate: Self.rate, seed: 33, peak: 0.95)
    var rng = Xoshiro256StarStar.forSample(seed: 6, index: 0)
    let input = AudioBuffer(mono: speech, sampleRate: Self.rate)
    let parameters = try transform.sampleParameters(for: input, using: &rng)
    let output = try transform.apply(parameters, to: input)

    let unscaled = zip(speech, Self.addedNoise(output, speech: speech, mixGain: parameters.mixGain)).map(+)
    #expect(SignalMath.peak(unscaled) > 1.5)
    #expect(parameters.mixGain < 1)
    let peak = SignalMath.peak(output)
    #expect(peak <= PeakLimit.ceiling * (1 + 1e-6) && peak > PeakLimit.ceiling * 0.9999)
    let ratios = zip(output.channels[0], unscaled).filter { abs($0.1) > 0.05 }.map { Double($0.0 / $0.1) }
    #expect(ratios.allSatisfy { abs($0 - parameters.mixGain) < 1e-5 })
    let noise = Self.addedNoise(output, speech: speech, mixGain: parameters.mixGain)
    let clippedSNR = Self.referenceSNR(speech: speech, noise: noise, definition: .activeSpeech)
    #expect(abs(clippedSNR + 10) < 1e-6)
  }

  /// A clip shorter than the speech is looped, and the noise in the output is exactly the crossfaded track.
  @Test func shortClipIsLoopedWithCrossfades() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "people-noise", snr: .uniform(0...10), crossfadeSeconds: 0.05)
    let speech = SpeechLikeSignal.make(seconds: 3, sampleRate: Self.rate, seed: 34)
    var rng = Xoshiro256StarStar.forSample(seed: 7, index: 3)
    let input = AudioBuffer(mono: speech, sampleRate: Self.rate)
    let parameters = try transform.sampleParameters(for: input, using: &rng)
    #expect(parameters.looped)
    #expect(parameters.crossfadeFrames == 800)
    let output = try transform.apply(parameters, to: input)
    let clip = try bank.samples(for: parameters.clip)
    let track = NoiseTrack.make(from: clip, offset: parameters.offset, length: speech.count, crossfade: 800)
    let noise = Self.addedNoise(output, speech: speech, mixGain: parameters.mixGain)
    let worst = zip(noise, track).map { abs($0 - Float(parameters.noiseGain) * $1) }.max()!
    #expect(worst < 1e-5)
  }

  /// Stereo speech: the same mono noise goes into both channels, so the down-mix keeps the drawn SNR.
  @Test func stereoSpeechGetsTheSameNoiseInEveryChannel() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(8...8))
    let left = SpeechLikeSignal.make(seconds: 2, sampleRate: Self.rate, seed: 35)
    let right = left.map { $0 * 0.5 }
    let input = AudioBuffer(channels: [left, right], sampleRate: Self.rate)
    var rng = Xoshiro256StarStar.forSample(seed: 8, index: 0)
    let parameters = try transform.sampleParameters(for: input, using: &rng)
    let output = try transform.apply(parameters, to: input)
    let leftNoise = zip(output.channels[0], left).map { $0 - $1 }
    let rightNoise = zip(output.channels[1], right).map { $0 - $1 }
    #expect(zip(leftNoise, rightNoise).allSatisfy { abs($0 - $1) < 1e-6 })
    let downMix = SignalMath.average(of: [left, right])
    let measured = Self.referenceSNR(speech: downMix, noise: leftNoise, definition: .activeSpeech)
    #expect(abs(measured - 8) < 2e-6)
  }

  /// Speech at 22.05 kHz with a 16 kHz bank: the clip is resampled to the speech's rate.
  @Test func speechAtAnotherRateGetsResampledNoise() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(3...3))
    let speech = SpeechLikeSignal.make(seconds: 2, sampleRate: 22_050, seed: 36)
    var rng = Xoshiro256StarStar.forSample(seed: 9, index: 0)
    let (output, record) = try transform(AudioBuffer(mono: speech, sampleRate: 22_050), using: &rng)
    #expect(output.sampleRate == 22_050 && output.frameCount == speech.count)
    let parameters = try record.decodeParameters(BackgroundNoise.Parameters.self)
    #expect(try bank.samples(for: parameters.clip, sampleRate: 22_050).count == 6 * 22_050)
    let noise = Self.addedNoise(output, speech: speech, mixGain: parameters.mixGain)
    let resampledSNR = Self.referenceSNR(speech: speech, noise: noise, definition: .activeSpeech, sampleRate: 22_050)
    #expect(abs(resampledSNR - 3) < 5e-7)
  }

  /// The record survives JSON (as a manifest stores it) and replays to the identical bits.
  @Test func replayFromJSONIsBitIdentical() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "car-noise", snr: .uniform(-5...20))
    let input = AudioBuffer(mono: SpeechLikeSignal.make(seconds: 2.5, sampleRate: Self.rate, seed: 37), sampleRate: Self.rate)
    var rng = Xoshiro256StarStar.forSample(seed: 10, index: 0)
    let (output, record) = try transform(input, using: &rng)
    let stored = try JSONDecoder().decode(AppliedTransform.self, from: JSONEncoder().encode(record))
    let replayed = try transform.replay(stored, on: input)
    #expect(replayed.channels[0].map(\.bitPattern) == output.channels[0].map(\.bitPattern))
    #expect(try stored.decodeParameters(BackgroundNoise.Parameters.self) == record.decodeParameters(BackgroundNoise.Parameters.self))
  }

  @Test func silentSpeechIsRejected() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    let transform = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(5...5))
    var rng = Xoshiro256StarStar(seed: 1)
    #expect(throws: AudioTransformError.silentInput(transform: "background-noise")) {
      _ = try transform(AudioBuffer(mono: [Float](repeating: 0, count: 16_000), sampleRate: Self.rate), using: &rng)
    }
  }

  @Test func badConfigurationAndParametersAreErrors() throws {
    let fixture = try NoiseBankFixture()
    let bank = try NoiseBank(root: fixture.root, sampleRate: Self.rate)
    #expect(throws: NoiseBankError.self) { _ = try BackgroundNoise(bank: bank, category: "cafe-noise", snr: .uniform(0...5)) }
    #expect(throws: AudioTransformError.self) {
      _ = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(0...5), crossfadeSeconds: 0.01)
    }
    let transform = try BackgroundNoise(bank: bank, category: "white", snr: .uniform(0...5))
    let input = AudioBuffer(mono: SpeechLikeSignal.make(seconds: 1, sampleRate: Self.rate, seed: 38), sampleRate: Self.rate)
    let tampered = BackgroundNoise.Parameters(
      clip: "white/white-6s.wav", offset: 6 * Self.rate, looped: false, crossfadeFrames: 0, snrDB: 0,
      definition: .activeSpeech, noiseGain: 1, mixGain: 1)
    #expect(throws: AudioTransformError.self) { _ = try transform.apply(tampered, to: input) }
    var missing = tampered
    missing.clip = "white/gone.wav"
    #expect(throws: NoiseBankError.self) { _ = try transform.apply(missing, to: input) }
  }
}
