/// Which scored candidates a run keeps (`--keep`).
///
/// Every policy but `all` aims the share of accepted samples the model gets wrong at a target rate,
/// deciding candidates one at a time in sample-index order (see ``KeepTally``): `match` aims at the
/// model's error rate on the slice's real members, `mix:F` at F, `wrong` at 1 (only samples the model
/// gets wrong). Keeping only the model's mistakes tends to select unrealistic or unclear samples and has
/// been measured to lower accuracy on real slices, which is why `all` (record only) is the default.
public enum KeepPolicy: Sendable, Equatable, CustomStringConvertible {
  case all
  case match
  case wrong
  case mix(Double)

  /// Parses `all`, `match`, `wrong` or `mix:F` with F in 0...1.
  public init?(parsing text: String) {
    switch text {
    case "all": self = .all
    case "match": self = .match
    case "wrong": self = .wrong
    default:
      guard text.hasPrefix("mix:"), let share = Double(text.dropFirst(4)), (0...1).contains(share) else { return nil }
      self = .mix(share)
    }
  }

  public var description: String {
    switch self {
    case .all: "all"
    case .match: "match"
    case .wrong: "wrong"
    case .mix(let share): "mix:\(share)"
    }
  }

  /// The error rate the accepted samples aim at, given the model's error rate on the real members;
  /// `nil` when every candidate is kept.
  func targetErrorRate(membersErrorRate: Double) -> Double? {
    switch self {
    case .all: nil
    case .match: membersErrorRate
    case .wrong: 1
    case .mix(let share): share
    }
  }
}

/// The running count of accepted samples the model got wrong, and the rule that keeps it on target.
///
/// A candidate is kept when, counting it, the number of wrong samples stays within half a sample of
/// `target × accepted`: `|wrong − target·accepted| ≤ ½`. Exactly one of a right or a wrong answer
/// keeps the invariant at each step (both on a tie), so after `n` accepted samples the error rate is
/// within `1/(2n)` of the target, whatever order answers come in. The count starts from the samples a
/// resumed folder holds, so a resumed run decides as the uninterrupted run would have.
struct KeepTally: Sendable, Equatable {
  let target: Double?
  private(set) var accepted = 0
  private(set) var wrong = 0

  init(target: Double?, kept answers: [ModelAnswer]) {
    self.target = target
    for answer in answers { record(answer) }
  }

  /// Whether the run keeps a candidate the model answered `correct` about.
  func admits(correct: Bool) -> Bool {
    guard let target else { return true }
    let wrongAfter = Double(wrong + (correct ? 0 : 1))
    return abs(wrongAfter - target * Double(accepted + 1)) <= 0.5 + 1e-9
  }

  mutating func record(_ answer: ModelAnswer) {
    accepted += 1
    if !answer.correct { wrong += 1 }
  }
}
