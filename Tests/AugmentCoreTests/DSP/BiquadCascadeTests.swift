import Foundation
import Testing

@testable import AugmentCore

/// A cascade run in one pass, its sections pipelined across vector lanes, filters exactly as running the
/// sections one after another over the whole signal does.
@Suite struct BiquadCascadeTests {
  static let telephoneBand =
    Biquad.butterworthHighPass(order: 8, cutoff: 300, sampleRate: 16_000)
    + Biquad.butterworthLowPass(order: 8, cutoff: 3400, sampleRate: 16_000)

  /// A signal with an impulse, a step and a chirp, so every section is excited.
  static func signal(_ count: Int) -> [Double] {
    (0..<count).map { n in
      let t = Double(n) / 16_000
      let impulse: Double = n == 0 ? 1 : 0, step: Double = n >= count / 2 ? -0.25 : 0
      return impulse + step + 0.5 * sin(2 * Double.pi * (100 + 4000 * t) * t)
    }
  }

  @Test(arguments: [2, 3, 4, 5, 6, 8])
  func aCascadeMatchesItsSectionsRunInTurn(sections: Int) {
    let cascade = Array(Self.telephoneBand.prefix(sections))
    for count in [0, 1, 2, 3, 4, 7, 1_000] {
      var together = Self.signal(count), inTurn = together
      cascade.apply(to: &together)
      for section in cascade { section.apply(to: &inTurn) }
      #expect(together == inTurn, "\(sections) sections, \(count) samples")

      var togetherFloat = Self.signal(count).map { Float($0) }, inTurnFloat = togetherFloat
      cascade.apply(to: &togetherFloat)
      // Float samples are rounded between groups of four sections, as the cascade does.
      stride(from: 0, to: sections, by: 4).forEach { start in
        var wide = inTurnFloat.map { Double($0) }
        for section in cascade[start..<min(start + 4, sections)] { section.apply(to: &wide) }
        inTurnFloat = wide.map { Float($0) }
      }
      #expect(togetherFloat == inTurnFloat, "\(sections) sections, \(count) Float samples")
    }
  }
}
