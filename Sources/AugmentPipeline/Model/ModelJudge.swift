import Foundation

/// The user's model in the loop: the scorer and the slice's real members it is compared against.
public struct ModelJudge: Sendable {
  public let scorer: ModelScorer
  /// The slice's real members (those calibration reads), asked about once per invocation.
  public let members: [SourceExample]

  public init(scorer: ModelScorer, members: [SourceExample]) {
    self.scorer = scorer
    self.members = members
  }

  /// Asks the model about the real members, and counts the answers a resumed folder already holds.
  func start(kept: [ManifestRecord]) throws -> KeepState {
    var seen: Set<String> = []
    let requests = members.enumerated().map { position, member in
      let id = seen.insert(member.id).inserted ? member.id : "\(member.id)#\(position)"
      return ModelRequest(id: id, path: member.url.absoluteURL.standardizedFileURL.path, label: member.label)
    }
    let memberAccuracy = ModelSummary.Accuracy(try scorer.answers(requests))
    let target = scorer.settings.keep.targetErrorRate(membersErrorRate: memberAccuracy.errorRate)
    return KeepState(
      scorer: scorer, members: memberAccuracy, tally: KeepTally(target: target, kept: kept.compactMap(\.model)))
  }
}

/// The keep decisions' running state over a run's batches.
struct KeepState {
  let scorer: ModelScorer
  let members: ModelSummary.Accuracy
  var tally: KeepTally

  /// The request about a candidate written to the scratch folder under its record's output name.
  func request(for record: ManifestRecord) -> ModelRequest {
    ModelRequest(id: record.id, path: scorer.scratch.appendingPathComponent(record.output).path, label: record.label)
  }

  /// Why the policy turned down a candidate the model answered `answer` about.
  func reason(_ answer: ModelAnswer) -> String {
    let target = tally.target.map { String(format: "%.3f", $0) } ?? "none"
    return "the model answered “\(answer.prediction)” (\(answer.correct ? "right" : "wrong")); --keep \(scorer.settings.keep) "
      + "aims at an error rate of \(target) and \(tally.wrong) of \(tally.accepted) accepted are wrong"
  }

  var summary: ModelSummary {
    ModelSummary(
      keep: scorer.settings.keep.description, members: members,
      accepted: ModelSummary.Accuracy(scored: tally.accepted, correct: tally.accepted - tally.wrong),
      targetErrorRate: tally.target, tolerance: tally.target == nil ? nil : ModelSummary.tolerance(accepted: tally.accepted),
      seconds: scorer.modelSeconds)
  }
}
