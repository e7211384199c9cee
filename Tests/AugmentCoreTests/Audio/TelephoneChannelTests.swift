import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct TelephoneChannelTests {
  /// The gain in dB the channel gives a tone, measured by a least-squares sine fit after the filters settle.
  static func gainDB(of channel: TelephoneChannel.Parameters, frequency: Double, sampleRate: Int = 16_000) throws -> Double {
    let tone = ToneFit.tone(frequency: frequency, amplitude: 0.5, seconds: 2, sampleRate: sampleRate)
    let output = try TelephoneChannel().apply(channel, to: AudioBuffer(mono: tone, sampleRate: sampleRate))
    #expect(output.frameCount == tone.count && output.sampleRate == sampleRate)
    let window = (sampleRate / 2)..<(3 * sampleRate / 2)
    let amplitude = ToneFit.amplitude(of: output.channels[0], frequency: frequency, sampleRate: sampleRate, window: window)
    return 20 * log10(amplitude / 0.5)
  }

  static let standard = TelephoneChannel.Parameters(lowCutHz: 300, highCutHz: 3400, muLaw: false, channelRate: 8000)

  @Test(arguments: [100.0, 6000.0])
  func attenuatesOutsideTheBand(frequency: Double) throws {
    let gain = try Self.gainDB(of: Self.standard, frequency: frequency)
    #expect(gain <= -30, "\(frequency) Hz: \(gain) dB")
  }

  @Test(arguments: [false, true])
  func passesOneKilohertz(muLaw: Bool) throws {
    var parameters = Self.standard
    parameters.muLaw = muLaw
    let gain = try Self.gainDB(of: parameters, frequency: 1000)
    #expect(abs(gain) <= 1, "1 kHz: \(gain) dB")
  }

  /// At 44.1 kHz too: the filters are designed for the input's rate.
  @Test func worksAtCDRate() throws {
    #expect(try Self.gainDB(of: Self.standard, frequency: 100, sampleRate: 44_100) <= -30)
    #expect(abs(try Self.gainDB(of: Self.standard, frequency: 1000, sampleRate: 44_100)) <= 1)
  }

  @Test func drawsBandEdgesFromTheirRangesAndRecordsThem() throws {
    let transform = try TelephoneChannel(lowCut: 200...400, highCut: 3000...3600, muLawProbability: 0.5)
    let input = AudioBuffer(mono: ToneFit.tone(frequency: 1000, amplitude: 0.3, seconds: 0.5, sampleRate: 16_000), sampleRate: 16_000)
    var muLawCount = 0
    for index in 0..<40 {
      var rng = Xoshiro256StarStar.forSample(seed: 3, index: index)
      let (output, record) = try transform(input, using: &rng)
      let parameters = try record.decodeParameters(TelephoneChannel.Parameters.self)
      #expect((200...400).contains(parameters.lowCutHz) && (3000...3600).contains(parameters.highCutHz))
      #expect(try transform.replay(record, on: input) == output)
      if parameters.muLaw { muLawCount += 1 }
    }
    #expect((8...32).contains(muLawCount))
  }

  @Test func rejectsBandsTheChannelCannotCarry() {
    #expect(throws: AudioTransformError.self) { _ = try TelephoneChannel(lowCut: 300...300, highCut: 4200...4200) }
    #expect(throws: AudioTransformError.self) { _ = try TelephoneChannel(lowCut: 500...3500, highCut: 3400...3400) }
    #expect(throws: AudioTransformError.self) { _ = try TelephoneChannel(muLawProbability: 1.5) }
    let lowRate = AudioBuffer(mono: [Float](repeating: 0.1, count: 6000), sampleRate: 6000)
    #expect(throws: AudioTransformError.self) { _ = try TelephoneChannel().apply(Self.standard, to: lowRate) }
  }
}
