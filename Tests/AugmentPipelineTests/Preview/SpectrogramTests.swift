import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

@Suite struct SpectrogramTests {
  /// 1 kHz sits on bin 1000 / 31.25 = 32 of a 512-point frame at 16 kHz: image row 256 − 32 = 224.
  static let toneRow = 224

  @Test func toneRecordedAt48kHzLandsOnTheSameFrequencyAxis() throws {
    let tone = PreviewFixture.tone(hertz: 1000, rate: 48_000, seconds: 0.5)
    let spectrogram = try Spectrogram.image(of: AudioBuffer(channels: [tone, tone], sampleRate: 48_000))
    #expect(spectrogram.height == 257)
    // 0.5 s is 8000 samples at 16 kHz: 1 + ⌈(8000 − 512) / 128⌉ = 60 frames.
    #expect(spectrogram.width == 60)
    #expect(Self.brightestRow(spectrogram) == Self.toneRow)
  }

  /// Levels are dB relative to full scale: a full-scale sine on a bin reads 0 dBFS, the top colour, and one
  /// at −30 dBFS reads (80 − 30) / 80 = 0.625 of the scale, table level round(0.625 × 255) = 159.
  @Test func levelsAreDecibelsBelowFullScale() throws {
    let colors = Colormap.magma.table(levels: 256)
    for (amplitude, level) in [(1.0, 255), (pow(10, -30.0 / 20), 159)] {
      let tone = (0..<16_000).map { Float(amplitude * sin(2 * Double.pi * 1000 * Double($0) / 16_000)) }
      let spectrogram = try Spectrogram.image(of: AudioBuffer(mono: tone, sampleRate: 16_000))
      let pixel = SIMD3((0..<3).map { spectrogram[60, Self.toneRow, $0] })
      #expect(pixel == colors[level], "amplitude \(amplitude)")
      // Far from the tone the Hann window's leakage is below the 80 dB range: the darkest colour.
      #expect(SIMD3((0..<3).map { spectrogram[60, 20, $0] }) == colors[0])
    }
  }

  @Test func silenceIsTheDarkestColourEverywhere() throws {
    let spectrogram = try Spectrogram.image(of: AudioBuffer(mono: [Float](repeating: 0, count: 300), sampleRate: 8_000))
    let darkest = Colormap.magma.table(levels: 256)[0]
    // 300 samples at 8 kHz are 600 at 16 kHz: two frames.
    #expect(spectrogram.width == 2)
    for y in 0..<spectrogram.height {
      for x in 0..<spectrogram.width { #expect(SIMD3((0..<3).map { spectrogram[x, y, $0] }) == darkest) }
    }
  }

  /// The row whose pixels sum brightest.
  static func brightestRow(_ image: Image) -> Int {
    let sums = (0..<image.height).map { y in
      (0..<image.width).reduce(Float(0)) { sum, x in sum + (0..<image.channelCount).reduce(0) { $0 + image[x, y, $1] } }
    }
    return sums.indices.max { sums[$0] < sums[$1] }!
  }
}
