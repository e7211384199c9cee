import Foundation
import Testing

/// The previews of the shipped slices, opened in a real browser: every image decodes, every player loads,
/// the page's script runs without a console message; and the check itself fails on a broken file.
@Suite(.serialized) struct BrowserPreviewTests {
  /// A run of `slice` on the shipped table and its preview, in `folder`.
  static func preview(_ slice: String, table: String, count: Int, in folder: TemporaryFolder) throws -> URL {
    let out = folder.path(slice)
    let run = try AugmentCLI.run(
      ["--slice", slice, "--count", "\(count)", "--dataset", AugmentCLI.sample(table),
       "--noise-banks", AugmentCLI.noiseBanks, "--out", out, "--seed", "5"])
    #expect(run.status == 0, "\(run.stderr)")
    let preview = try AugmentCLI.run(["preview", out, "--noise-banks", AugmentCLI.noiseBanks])
    #expect(preview.status == 0, "\(preview.stderr)")
    return URL(fileURLWithPath: out).appendingPathComponent("preview.html")
  }

  @Test func carNoisePreviewLoadsEveryPlayerAndSpectrogram() throws {
    let folder = try TemporaryFolder()
    let page = try Self.preview("car-noise", table: "errors-speech.csv", count: 6, in: folder)
    let report = try HeadlessChromium.check(page)
    // 10 real members, 6 sources and 6 samples: a player and a spectrogram each (a member nearest to a
    // sample or a source shared by two samples would be listed again).
    #expect(report.audio >= 22)
    #expect(report.images == report.audio)
    #expect(report.problems == [])
    #expect(report.console == [])
  }

  @Test func darkBackgroundPreviewDecodesEveryImage() throws {
    let folder = try TemporaryFolder()
    let page = try Self.preview("dark-background", table: "errors-images.csv", count: 6, in: folder)
    let report = try HeadlessChromium.check(page)
    // 7 real members, 6 sources and 6 samples.
    #expect(report.images >= 19)
    #expect(report.audio == 0)
    #expect(report.problems == [])
    #expect(report.console == [])
  }

  /// The check is only worth something if it fails: a sample replaced by bytes no decoder takes, and a
  /// spectrogram cut short, are each reported by the browser.
  @Test func brokenSampleAndSpectrogramAreReportedByTheBrowser() throws {
    let folder = try TemporaryFolder()
    let page = try Self.preview("car-noise", table: "errors-speech.csv", count: 2, in: folder)
    let run = page.deletingLastPathComponent()
    try Data(repeating: 0x5A, count: 4_000).write(to: run.appendingPathComponent("car-noise-000000.wav"))
    let spectrograms = try FileManager.default.contentsOfDirectory(
      atPath: run.appendingPathComponent("preview").path
    ).filter { $0.hasPrefix("car-noise-000001") }
    let spectrogram = try #require(spectrograms.first)
    let url = run.appendingPathComponent("preview").appendingPathComponent(spectrogram)
    try Data(try Data(contentsOf: url).prefix(200)).write(to: url)

    let report = try HeadlessChromium.check(page)
    #expect(report.problems.count == 2, "\(report.problems)")
    #expect(report.problems.contains { $0.hasPrefix("audio car-noise-000000.wav: media error") })
    #expect(report.problems.contains { $0.hasPrefix("image preview/\(spectrogram)") })
  }
}
