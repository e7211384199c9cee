import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

@Suite struct PreviewPartsTests {
  @Test func relativeReferencesClimbThenDescendPercentEncoded() {
    let run = URL(fileURLWithPath: "/work/out/augmented/car-noise")
    #expect(
      RelativeReference.from(run, to: URL(fileURLWithPath: "/work/out/augmented/car-noise/preview/a-1.png"))
        == "preview/a-1.png")
    #expect(
      RelativeReference.from(run, to: URL(fileURLWithPath: "/work/data set/clips/a#1?.wav"))
        == "../../../data%20set/clips/a%231%3F.wav")
    #expect(
      RelativeReference.from(run, to: URL(fileURLWithPath: "/work/out/café:1%.wav")) == "../../caf%C3%A9%3A1%25.wav")
    #expect(
      RelativeReference.from(run, to: URL(fileURLWithPath: "/work/out/augmented/./car-noise/../x.png")) == "../x.png")
  }

  @Test func htmlEscapingCoversMarkupAndBothQuotes() {
    #expect(
      HTMLText.escape(#"<a href="x">Tom's & Jerry</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&lt;/a&gt;")
    #expect(HTMLText.escape("naïve 😀") == "naïve 😀")
  }

  /// Worked examples of area averaging: a third of a pixel's weight moves into each output as `3 → 2` shows.
  @Test func areaResizeAveragesCoveredAreas() {
    let row = Image(width: 3, height: 1, layout: .gray, bitDepth: .eight, pixels: [0, 0.5, 1])
    // Output 0 covers [0, 1.5): pixel 0 wholly and half of pixel 1, so (0 + 0.5 × 0.5) / 1.5 = 1/6.
    let halved = row.resizedByArea(width: 2, height: 1)
    #expect(abs(halved.pixels[0] - 1.0 / 6) < 1e-6 && abs(halved.pixels[1] - 5.0 / 6) < 1e-6)

    // 4×4 → 2×2: each output is the mean of its 2×2 block, per channel.
    let levels = (0..<32).map { (index: Int) -> Float in Float((index * 7) % 32) / 31 }
    let block = Image(width: 4, height: 4, layout: .grayAlpha, bitDepth: .sixteen, pixels: levels)
    let small = block.resizedByArea(width: 2, height: 2)
    #expect(small.layout == .grayAlpha && small.bitDepth == .sixteen)
    for y in 0..<2 {
      for x in 0..<2 {
        for c in 0..<2 {
          let sum: Float =
            block[2 * x, 2 * y, c] + block[2 * x + 1, 2 * y, c] + block[2 * x, 2 * y + 1, c]
            + block[2 * x + 1, 2 * y + 1, c]
          #expect(abs(small[x, y, c] - sum / 4) < 1e-6)
        }
      }
    }

    // Enlarging 2 → 4 repeats each pixel twice.
    let pair = Image(width: 2, height: 1, layout: .gray, bitDepth: .eight, pixels: [0.25, 0.75])
    #expect(pair.resizedByArea(width: 4, height: 1).pixels == [0.25, 0.25, 0.75, 0.75])
  }

  @Test func flatteningCompositesAlphaOverTheBackground() {
    let pixel = Image(width: 1, height: 1, layout: .grayAlpha, bitDepth: .eight, pixels: [1, 0.25])
    let flat = pixel.flattenedToRGB(over: 0.2)
    #expect(flat.layout == .rgb)
    #expect(flat.pixels.allSatisfy { abs($0 - (0.25 + 0.75 * 0.2)) < 1e-6 })
  }

  /// Magma's defining property: lightness rises monotonically, so brighter always means louder.
  @Test func magmaTableRisesInLuminanceAndHitsItsControlPoints() {
    let table = Colormap.magma.table(levels: 256)
    let luminance: [Float] = table.map { color in 0.2126 * color.x + 0.7152 * color.y + 0.0722 * color.z }
    #expect(zip(luminance, luminance.dropFirst()).allSatisfy { $0 < $1 })
    #expect(table.first == Colormap.magma.stops.first?.color && table.last == Colormap.magma.stops.last?.color)
    #expect(Self.difference(Colormap.magma.color(at: 0.5), SIMD3(0.716387, 0.214982, 0.475290)) < 1e-6)
    // Halfway between two control points is their mean.
    let mean = (Colormap.magma.stops[0].color + Colormap.magma.stops[1].color) / 2
    #expect(Self.difference(Colormap.magma.color(at: 0.03125), mean) < 1e-6)
  }

  /// The largest difference of any channel.
  static func difference(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> Float {
    let d = a - b
    return max(abs(d.x), abs(d.y), abs(d.z))
  }

  @Test func runFilesOfEveryShardAreRecognised() {
    #expect(RunRecords.isRunFile("manifest.jsonl", stem: "manifest", extension: "jsonl"))
    #expect(RunRecords.isRunFile("manifest.shard-2-of-4.jsonl", stem: "manifest", extension: "jsonl"))
    #expect(!RunRecords.isRunFile("manifest.shard-2.jsonl", stem: "manifest", extension: "jsonl"))
    #expect(!RunRecords.isRunFile("manifest.jsonl.bak", stem: "manifest", extension: "jsonl"))
    #expect(!RunRecords.isRunFile(".manifest.jsonl.partial-1", stem: "manifest", extension: "jsonl"))
    #expect(RunRecords.isRunFile("run.shard-0-of-2.json", stem: "run", extension: "json"))
    #expect(!RunRecords.isRunFile("run.jsonl", stem: "run", extension: "json"))
  }

  @Test func shardedManifestsMergeInSampleOrder() throws {
    let fixture = try PreviewFixture(.audio)
    let folder = fixture.runFolder
    // Split the run into shards 0 and 1 of 2 by sample index, as two sharded runs would write it.
    for shard in 0..<2 {
      let records = fixture.accepted.filter { $0.index % 2 == shard }
      try JSONLines.encode(records).write(to: folder.appendingPathComponent("manifest.shard-\(shard)-of-2.jsonl"))
    }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.jsonl"))
    let records = try RunRecords.load(from: folder)
    #expect(records.accepted.map(\.id) == fixture.accepted.map(\.id))
    #expect(records.rejected.map(\.index) == [1, 3])
    #expect(records.identities.count == 1 && records.summaries.count == 1)
  }
}
