import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// What a measured source or candidate keeps is what measuring afresh gives, and a failure is kept too.
@Suite struct MeasuredMediaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A candidate's realism features take the loudness its loudness rule measured, and equal the features
  /// measured on the bare clip, as members are measured.
  @Test func audioFeaturesReuseTheLoudnessAndEqualAFreshMeasure() throws {
    let clip = try AudioFile.read(from: Self.root.appendingPathComponent("samples/speech/clean/s001.wav")).buffer
    let measured = MeasuredAudio(clip)
    let loudness = try measured.loudness()
    #expect(loudness == (try Loudness.measure(clip)) && loudness.value.isFinite)
    #expect(try measured.loudness() == loudness)
    let features = measured.realismFeatures
    #expect(features == AudioRealismFeatures.measure(clip))
    #expect(features[AudioRealismFeatures.names.firstIndex(of: "loudness-lufs")!] == loudness.value)
  }

  @Test func aClipTooShortForLoudnessFailsEveryTime() {
    let short = MeasuredAudio(AudioBuffer(mono: [Float](repeating: 0.1, count: 800), sampleRate: 16_000))
    for _ in 0..<2 {
      #expect(throws: Loudness.Error.tooShort(duration: 0.05, minimum: Loudness.shortestClipDuration)) {
        try short.loudness()
      }
    }
    #expect(short.realismFeatures[1].isNaN)
  }

  /// A source's prepared SSIM half scores each candidate as comparing the two images does.
  @Test func aSourcesSSIMReferenceScoresAsTheImagesDo() throws {
    let image = try ImageFile.read(from: Self.root.appendingPathComponent("samples/images/img002.png")).image
    let source = MeasuredImage(image, storedAs: .png)
    for sigma in [0.8, 1.6] {
      let candidate = try GaussianBlur().apply(.init(sigma: sigma), to: image)
      #expect(try SSIM.score(source.ssimReference(), candidate) == SSIM.score(image, candidate))
    }
    #expect(source.byteCount >= (try source.ssimReference().byteCount) + image.pixels.count * 4)
    let tiny = MeasuredImage(Image(width: 8, height: 8, layout: .rgb, filledWith: 0.5), storedAs: .png)
    for _ in 0..<2 {
      #expect(throws: ImageMetricError.imageTooSmall(width: 8, height: 8, minimum: 11)) { try tiny.ssimReference() }
    }
  }
}
