import AugmentAnalysis
import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// Realism rules calibrated on the shipped speech table's real members, as a car-noise run does.
@Suite struct AudioRealismTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func calibration() throws -> (AudioCalibration, SliceDataset) {
    let dataset = try SliceDataset(tableURL: root.appendingPathComponent("samples/errors-speech.csv"))
    let recipe = try RecipeBook.builtIn.recipe(named: "car-noise")
    let calibration = AudioCalibration(
      recipe: recipe, members: try dataset.members(of: "car-noise"), datasetClips: try dataset.clips(), jobs: 2)
    return (calibration, dataset)
  }

  /// A clip 18 dB louder than it was (and clipped where it overflows) is far louder than any clip in the
  /// dataset: the loudness rule rejects it and says by how much it is out of range.
  @Test func mixFarLouderThanRealMembersIsRejected() throws {
    let (calibration, dataset) = try Self.calibration()
    let loudness = try #require(calibration.loudness)
    #expect(loudness.count == dataset.table.rows.count)
    let source = try #require(try dataset.examples(dataset.eligibleRows(.untaggedCorrect)).first)
    let original = try AudioFile.read(from: source.url).buffer
    let loud = AudioBuffer(mono: original.channels[0].map { min(max($0 * 8, -1), 1) }, sampleRate: original.sampleRate)
    let rule = LoudnessRule(range: loudness.widened(by: 3))
    let sample = CandidateSample<MeasuredAudio>(source: source, original: original, candidate: loud, records: [])
    let verdict = try rule.evaluate(sample)
    #expect(!verdict.passed)
    #expect(verdict.value > loudness.observed.upper + 5)
    #expect(verdict.reason.contains("above the range"))
    #expect(try rule.evaluate(CandidateSample(source: source, original: original, candidate: original, records: [])).passed)
  }

  /// The blind SNR range comes from the real car-noise members, and the SNR drawn for mixing stays inside the recipe's.
  @Test func calibrationUsesRealMembers() throws {
    let (calibration, dataset) = try Self.calibration()
    #expect(calibration.memberCount == (try dataset.members(of: "car-noise")).count)
    let draw = try #require(calibration.snrDraw)
    #expect(draw.lower >= 0 && draw.upper <= 15)
    #expect(calibration.notes.isEmpty)
  }

  /// Short dataset clips are measured as short candidates are: a 0.3 s keyword over one block (inside the
  /// range, and counted as such), a 0.05 s one left out with a note saying why.
  @Test func shortDatasetClipsAreMeasuredOverOneBlock() throws {
    let folder = try TemporaryFolder()
    let keyword = try ShortClipClarityTests.keyword(seconds: 0.3)
    let blip = try ShortClipClarityTests.keyword(seconds: 0.05)
    try AudioFile.write(keyword, to: folder.file("keyword.wav"), as: .wavPCM16)
    try AudioFile.write(blip, to: folder.file("blip.wav"), as: .wavPCM16)
    let clips = ["keyword.wav", "blip.wav"].map { SourceExample(id: $0, path: $0, url: folder.file($0), label: "yes") }
      + [SourceExample(id: "s", path: "s001.wav", url: Self.root.appendingPathComponent("samples/speech/clean/s001.wav"), label: "yes")]
    let recipe = try RecipeBook.builtIn.recipe(named: "car-noise")
    let calibration = AudioCalibration(recipe: recipe, members: [], datasetClips: clips, jobs: 1)
    let loudness = try #require(calibration.loudness)
    #expect(loudness.count == 2 && calibration.singleBlockLoudnessCount == 1)
    let short = try Loudness.measure(try AudioFile.read(from: folder.file("keyword.wav")).buffer)
    #expect(short.form == .singleBlock && (loudness.observed.lower == short.value || loudness.observed.upper == short.value))
    #expect(calibration.notes.contains("1 dataset clip left out of the loudness range: shorter than 0.1 s or more than 5 channels"))
    #expect(calibration.lines.contains { $0.hasPrefix("  loudness of 2 dataset clips:") && $0.hasSuffix("LUFS (1 under 0.4 s, over one block)") })
  }
}
