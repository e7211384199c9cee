import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// Which image checklist errors make a source unusable (tried once, counted by reason).
@Suite struct ImageMetricUnusableTests {
  static func judge(_ image: Image, box: PixelBox? = nil, rules: [any ChecklistRule<MeasuredImage>]) throws -> [Verdict] {
    let source = SourceExample(id: "i", path: "i.png", url: URL(fileURLWithPath: "/i.png"), label: "ok", defectBox: box)
    let measured = MeasuredImage(image, storedAs: .png)
    return try Checklist(rules: rules).evaluate(
      CandidateSample(source: source, original: measured, candidate: measured, records: []))
  }

  /// A 10×10 image is under SSIM's 11×11 window: unusable, with the window in the reason and the size in
  /// the detail; an 11×11 one is scored.
  @Test func imageSmallerThanTheSSIMWindowIsUnusable() throws {
    #expect(SSIM.windowSize == 11)
    let tiny = Image(width: 10, height: 10, layout: .gray, filledWith: 0.5)
    do {
      _ = try Self.judge(tiny, rules: [SSIMRule(minimum: 0.35)])
      Issue.record("a 10×10 image was scored")
    } catch {
      let unusable = try #require(SourceUnusable(imageMetricError: error))
      #expect(unusable.rule == "ssim" && unusable.reason == "smaller than the 11×11 SSIM window")
      #expect(unusable.detail == "10×10 pixels")
    }
    #expect(try Self.judge(Image(width: 11, height: 11, layout: .gray, filledWith: 0.5), rules: [SSIMRule(minimum: 0.35)]).allSatisfy(\.passed))
  }

  /// A table row's defect box past the image's edge cannot be measured: unusable.
  @Test func defectBoxOutsideTheImageIsUnusable() throws {
    let image = Image(width: 20, height: 20, layout: .gray, filledWith: 0.5)
    do {
      _ = try Self.judge(image, box: PixelBox(x: 15, y: 2, width: 10, height: 4), rules: [DefectContrastRule(minimum: 0.5)])
      Issue.record("a box outside the image was measured")
    } catch {
      let unusable = try #require(SourceUnusable(imageMetricError: error))
      #expect(unusable.rule == "defect-contrast" && unusable.reason == "the defect box does not lie inside the image")
      #expect(unusable.detail == "box x 15, y 2, 10×4 in a 20×20 image")
    }
  }

  /// Images that differ in size come from a transform, not the source: left as an error.
  @Test func mismatchedImagesAreNotTheSourcesDoing() {
    #expect(SourceUnusable(imageMetricError: ImageMetricError.mismatchedImages("sizes differ")) == nil)
    #expect(SourceUnusable(imageMetricError: ImageTransformError.parameterOutOfRange(
      transform: "gamma", name: "gamma", value: 20, expected: "0.1...10")) == nil)
  }
}
