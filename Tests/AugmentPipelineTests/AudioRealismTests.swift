import AugmentAnalysis
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
    let sample = CandidateSample(source: source, original: original, candidate: loud, records: [])
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
}
