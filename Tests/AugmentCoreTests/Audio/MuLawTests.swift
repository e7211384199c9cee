import Foundation
import Testing

@testable import AugmentCore

@Suite struct MuLawTests {
  /// Code words of the G.711 μ-law table: 0 encodes to 0xFF, full scale to 0x80 / 0x00, and those
  /// decode to 0 and ±32124.
  @Test func matchesG711Codes() {
    #expect(MuLaw.encode(0) == 0xFF)
    #expect(MuLaw.encode(32767 / 32768) == 0x80)
    #expect(MuLaw.encode(-1) == 0x00)
    #expect(MuLaw.decode(0xFF) == 0)
    #expect(MuLaw.decode(0x80) == Float(32124) / 32768)
    #expect(MuLaw.decode(0x00) == Float(-32124) / 32768)
    // Segment 0 step 1 (linear 8…15 → decoded 8), and the first code of segment 1.
    #expect(MuLaw.encode(8 / 32768) == 0xFE)
    #expect(MuLaw.decode(0xFE) == Float(8) / 32768)
    #expect(MuLaw.decode(0xEF) == Float(132) / 32768)
  }

  struct Reference: Decodable {
    var generator: String
    var encodeRuns: [[Int]]
    var decode: [Int]
  }

  /// Identical to CPython's `audioop` (Sun's reference g711.c) for every 16-bit input and every code;
  /// the table comes from `Reference/make-mulaw-reference.py`.
  @Test func matchesAudioopForEveryInput() throws {
    let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: ReferenceData.url("mulaw-reference.json")))
    #expect(reference.decode.count == 256)
    for code in 0...255 {
      #expect(MuLaw.decode(UInt8(code)) == Float(reference.decode[code]) / 32768, "code \(code)")
    }
    var mismatches = 0
    for (run, next) in zip(reference.encodeRuns, reference.encodeRuns.dropFirst().map { $0[0] } + [32768]) {
      for linear in run[0]..<next where MuLaw.encode(Float(linear) / 32768) != UInt8(run[1]) { mismatches += 1 }
    }
    #expect(mismatches == 0)
  }

  /// Every code decodes to a value that encodes back to the same code.
  @Test func everyCodeRoundTrips() {
    for code in UInt8.min...UInt8.max where code != 0x7F {
      #expect(MuLaw.encode(MuLaw.decode(code)) == code, "code \(code)")
    }
    // 0x7F is negative zero; it decodes to 0, which encodes as positive zero.
    #expect(MuLaw.decode(0x7F) == 0 && MuLaw.encode(0) == 0xFF)
  }

  /// Companding keeps the error proportional to the level: about 38 dB signal-to-quantisation for a loud tone.
  @Test func quantisationNoiseFollowsTheLevel() {
    let tone = ToneFit.tone(frequency: 1003, amplitude: 0.5, seconds: 0.5, sampleRate: 8000)
    var coded = tone
    MuLaw.quantize(&coded)
    let error = zip(coded, tone).map { $0 - $1 }
    let snr = 10 * log10(SignalMath.meanSquare(tone) / SignalMath.meanSquare(error))
    #expect((35...41).contains(snr), "\(snr) dB")
  }
}
