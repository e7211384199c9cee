import Foundation
import MediaIO

extension SliceRunner {
  /// The rule a candidate is rejected by when the keep policy turns it down (`rejected.jsonl`).
  public static var keepRule: String { "model-keep" }

  /// Makes one batch with the model in the loop, in rounds: each index's checklist-passing candidate is
  /// made (in parallel), the model is asked about all of them, and the keep policy decides in index order;
  /// indices whose candidate was turned down draw their next attempt in the next round. Only then are the
  /// kept samples written to the run's folder, so a model that fails mid-batch leaves nothing of it.
  /// The decisions depend on the answers and the order of indices only, never on thread timing.
  func processScored(_ batch: [Int], keep: inout KeepState) throws -> [Outcome] {
    let scratch = keep.scorer.scratch
    var outcomes = try ParallelMap.map(batch.count, jobs: settings.jobs) { slot in
      Result { try makeSample(batch[slot], scratch: scratch) }
    }.map { try $0.get() }
    var waiting = Array(batch.indices).filter { outcomes[$0].accepted != nil }
    while !waiting.isEmpty {
      let answers = try keep.scorer.answers(waiting.map { keep.request(for: outcomes[$0].accepted!) })
      var redraw: [(slot: Int, from: Int)] = []
      for (slot, answer) in zip(waiting, answers) {
        let record = outcomes[slot].accepted!
        if keep.tally.admits(correct: answer.correct) {
          keep.tally.record(answer)
          outcomes[slot].accepted?.model = answer
          continue
        }
        outcomes[slot].rejections.append(
          RejectionRecord(
            index: record.index, attempt: record.attempt, source: record.source, failed: [Self.keepRule],
            reason: keep.reason(answer), transforms: record.transforms, checks: record.checks, model: answer))
        outcomes[slot].accepted = nil
        outcomes[slot].candidate = nil
        redraw.append((slot, record.attempt + 1))
      }
      let current = outcomes, redrawing = redraw
      let redrawn = try ParallelMap.map(redraw.count, jobs: settings.jobs) { item in
        let (slot, from) = redrawing[item]
        return Result { try makeSample(batch[slot], from: from, continuing: current[slot], scratch: scratch) }
      }.map { try $0.get() }
      for ((slot, _), outcome) in zip(redraw, redrawn) { outcomes[slot] = outcome }
      waiting = redraw.map(\.slot).filter { outcomes[$0].accepted != nil }
    }
    let decided = outcomes
    return try ParallelMap.map(decided.count, jobs: settings.jobs) { slot in
      Result { try writeKept(decided[slot]) }
    }.map { try $0.get() }
  }

  /// Writes a kept candidate to the run's folder and records the digest of the file as written there.
  private func writeKept(_ outcome: Outcome) throws -> Outcome {
    guard var record = outcome.accepted, let candidate = outcome.candidate else { return outcome }
    let url = folder.url.appendingPathComponent(record.output)
    try factory.write(candidate, to: url)
    let digest = try FileDigest(of: url)
    record.sha256 = digest.sha256
    record.size = digest.size
    var written = outcome
    written.accepted = record
    written.candidate = nil
    return written
  }
}
