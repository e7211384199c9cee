import Testing

@testable import AugmentPipeline

/// The keep rule: the kept samples' error rate stays within half a sample of the target after every sample,
/// and a candidate that would break that is turned down.
struct KeepTallyTests {
  /// Answers alternate in runs (right, right, wrong, right, wrong, wrong, …); with a target of 0.3 the
  /// rule keeps some and refuses others, and after each kept sample |wrong − 0.3·kept| ≤ ½.
  @Test func theKeptErrorRateStaysWithinHalfASampleOfTheTarget() {
    var tally = KeepTally(target: 0.3, kept: [])
    let pattern = [true, true, false, true, false, false, true, true, true, false, true, true, false, true]
    var refused = 0
    for correct in (0..<10).flatMap({ _ in pattern }) {
      guard tally.admits(correct: correct) else {
        refused += 1
        continue
      }
      tally.record(ModelAnswer(prediction: "p", score: nil, correct: correct))
      #expect(abs(Double(tally.wrong) - 0.3 * Double(tally.accepted)) <= 0.5)
    }
    #expect(refused > 0 && tally.accepted == 140 - refused)
    #expect(tally.accepted >= 100)
  }

  /// The first sample: 0 wrong of 1 is 0.3 away from 0.3, so a right answer is kept; a second right
  /// answer would make 0 of 2 (0.6 away), so it is refused and a wrong one is kept.
  @Test func aRightAnswerIsRefusedWhenTheRateFallsBehind() {
    var tally = KeepTally(target: 0.3, kept: [])
    #expect(tally.admits(correct: true))
    tally.record(ModelAnswer(prediction: "p", score: nil, correct: true))
    #expect(!tally.admits(correct: true))
    #expect(tally.admits(correct: false))
  }

  /// `wrong` (target 1) never keeps a right answer, a target of 0 never a wrong one, `all` keeps both; a
  /// resumed tally starts from the samples kept.
  @Test func extremeTargetsAndResumedCounts() {
    let wrongOnly = KeepTally(target: 1, kept: [])
    #expect(!wrongOnly.admits(correct: true) && wrongOnly.admits(correct: false))
    let rightOnly = KeepTally(target: 0, kept: [])
    #expect(rightOnly.admits(correct: true) && !rightOnly.admits(correct: false))
    let all = KeepTally(target: nil, kept: [])
    #expect(all.admits(correct: true) && all.admits(correct: false))
    let resumed = KeepTally(
      target: 0.5, kept: [ModelAnswer(prediction: "a", score: 0.1, correct: false), ModelAnswer(prediction: "b", score: nil, correct: false)])
    #expect(resumed.accepted == 2 && resumed.wrong == 2)
    #expect(resumed.admits(correct: true) && !resumed.admits(correct: false))
  }

  @Test func policiesParseAndAimAtTheirTargets() {
    #expect(KeepPolicy(parsing: "match")?.targetErrorRate(membersErrorRate: 0.4) == 0.4)
    #expect(KeepPolicy(parsing: "mix:0.25")?.targetErrorRate(membersErrorRate: 0.4) == 0.25)
    #expect(KeepPolicy(parsing: "wrong")?.targetErrorRate(membersErrorRate: 0.4) == 1)
    #expect(KeepPolicy(parsing: "all")?.targetErrorRate(membersErrorRate: 0.4) == nil)
    for invalid in ["mix:1.5", "mix:-0.1", "mix:", "some", "Match"] { #expect(KeepPolicy(parsing: invalid) == nil) }
  }
}
