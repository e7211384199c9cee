import AugmentAnalysis
import AugmentCore
import Foundation
import MediaIO
import Testing

@testable import AugmentPipeline

/// The far-field slice's reverberation calibrated on the shipped table's real members, and the checklist
/// turning down rooms far more reverberant than theirs.
@Suite struct FarFieldRealismTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func factory(_ recipe: Recipe, dataset: SliceDataset) throws -> AudioSampleFactory {
    try AudioSampleFactory(
      recipe: recipe, members: try dataset.members(of: "far-field"), datasetClips: try dataset.clips(),
      pilotSources: DrawPilot.sources(try dataset.examples(dataset.eligibleRows(.untaggedCorrect))), noiseBanks: root.appendingPathComponent("noise-banks"),
      impulseResponseBanks: root.appendingPathComponent("rir-banks"), jobs: 2, outputFormat: .wav)
  }

  /// Members without a free decay are counted and named in a note, not guessed; those with one set the
  /// range rooms are drawn from, which the recipe's range then narrows.
  @Test func roomsAreDrawnFromTheMembersRT60() throws {
    let dataset = try SliceDataset(tableURL: Self.root.appendingPathComponent("samples/errors-speech.csv"))
    let members = try dataset.members(of: "far-field")
    #expect(members.count == 11)
    let estimates = try members.map { member in
      let buffer = try AudioFile.read(from: member.url).buffer
      return BlindReverberationTime.estimate(buffer.channels[0], sampleRate: buffer.sampleRate)?.seconds
    }
    let measured = estimates.compactMap { $0 }
    let recipe = try RecipeBook.builtIn.recipe(named: "far-field")
    let calibration = AudioCalibration(recipe: recipe, members: members, datasetClips: [], jobs: 2)
    let reverberation = try #require(calibration.reverberation)
    #expect(reverberation.blindRT60?.count == measured.count && reverberation.unestimated == members.count - measured.count)
    #expect(reverberation.blindRT60?.observed == ParameterRange(try #require(measured.min()), try #require(measured.max())))
    let margin = ReverberationCalibration.margin
    let draw = try #require(reverberation.rt60Draw)
    #expect(draw == ParameterRange(max(measured.min()! - margin, 0.15), measured.max()! + margin))
    #expect(calibration.notes.contains {
      $0.hasPrefix("\(members.count - measured.count) of \(members.count) real far-field members have no free decay of 25 dB")
    })
  }

  /// A far-field recipe drawing halls (RT60 1–2 s) against members of small rooms: the blind RT60 rule
  /// rejects every candidate, where the built-in recipe, on the same sources and seeds, is never turned down
  /// for its RT60. It passes where a pause lets its room decay 25 dB above the babble, and otherwise has no
  /// free decay to measure, as 6 of the 11 members have not.
  @Test func hallsFarOutsideTheMembersAreRejected() throws {
    let dataset = try SliceDataset(tableURL: Self.root.appendingPathComponent("samples/errors-speech.csv"))
    let builtIn = try RecipeBook.builtIn.recipe(named: "far-field")
    var halls = builtIn
    halls.transforms[0] = TransformSpec(ImpulseResponseSpec(category: "hall", rt60Seconds: .init(1, 2)))
    let (right, wrong) = (try Self.factory(builtIn, dataset: dataset), try Self.factory(halls, dataset: dataset))
    #expect(wrong.notes.contains { $0.contains("outside the recipe's 1…2 s") })
    let sources = Array(try dataset.examples(dataset.eligibleRows(.untaggedCorrect)).prefix(6))
    var accepted = 0
    var reasons: [String] = []
    for (index, source) in sources.enumerated() {
      let original = try right.load(source)
      for (factory, isRight) in [(right, true), (wrong, false)] {
        var rng = Xoshiro256StarStar(seed: UInt64(index))
        let (candidate, records) = try factory.candidate(from: original, using: &rng)
        let verdicts = try factory.check(candidate, against: original, source: source, records: records)
        let rt60 = try #require(verdicts.first { $0.rule == "blind-rt60-s" })
        if isRight {
          accepted += rt60.passed ? 1 : 0
          #expect(rt60.passed || rt60.measure == "free-decay-regions", "\(source.id): \(rt60.reason)")
          reasons.append("\(source.id): \(rt60.reason)")
        } else {
          #expect(!rt60.passed, "\(source.id): \(rt60.reason)")
        }
      }
    }
    #expect(accepted >= 2, "the built-in recipe passed the RT60 rule on \(accepted) of \(sources.count): \(reasons)")
  }
}
