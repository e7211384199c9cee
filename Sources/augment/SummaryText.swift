import AugmentPipeline
import Foundation

/// The closing summary of a slice run, as printed on standard output.
enum SummaryText {
  static func render(_ summary: RunSummary, folder: String) -> String {
    var lines: [String] = []
    let shard = summary.shard.map { " (shard \($0))" } ?? ""
    lines.append("\(summary.slice)\(shard): made \(summary.made) of \(summary.requested) in \(folder)/"
      + (summary.madeNow != summary.made ? " (\(summary.madeNow) now)" : ""))
    lines.append(String(format: "  %.1f s, %.1f samples/s", summary.seconds, summary.samplesPerSecond))
    // Candidates, as rejected.jsonl lists them; a candidate can fail several rules, so the rule counts add up to
    // more and are labelled as rule failures.
    let rejected = summary.rejected ?? 0
    if !summary.rejectedByRule.isEmpty {
      let byRule = summary.rejectedByRule.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      lines.append(
        "  rejected \(rejected) candidate\(rejected == 1 ? "" : "s") (the lines of rejected.jsonl); "
          + "rule failures: \(byRule)")
    } else {
      lines.append("  rejected 0 candidates")
    }
    if let realism = summary.realism { lines.append("  \(realism.line)") }
    // Sources skipped for the same reason are counted on one line (they are listed in summary.json);
    // unreadable ones are named, each with its own error.
    let byReason = summary.skippedByReason.filter { $0.key != RunSummary.unreadableReason }
      .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    for (reason, count) in byReason {
      lines.append("  skipped \(count) source\(count == 1 ? "" : "s"): \(reason)")
    }
    for skipped in summary.skippedSources where skipped.unreadable {
      lines.append("  skipped \(skipped.source) (\(skipped.times)×): \(skipped.reason)")
    }
    for noise in summary.unreadableNoiseClips ?? [] {
      lines.append("  unreadable noise clip: \(noise.reason)")
    }
    if !summary.failedIndices.isEmpty {
      lines.append("  no acceptable sample for \(summary.failedIndices.count) indices: \(summary.failedIndices.prefix(10).map(String.init).joined(separator: ", "))")
    }
    if !summary.indicesWithoutUsableSource.isEmpty {
      let count = summary.indicesWithoutUsableSource.count
      lines.append(
        "  \(count) of them had no usable source (every source they may start from was skipped above): "
          + "add sources or longer clips; the checklist did not reject them")
    }
    // An imbalance, or a label whose samples were not all made from its sources: the data was narrowed.
    for note in summary.acceptance?.notes ?? [] { lines.append("  warning: \(note)") }
    if let model = summary.model { lines.append(modelLine(model)) }
    if summary.interrupted { lines.append("  interrupted: run again with --resume to continue") }
    lines.append("  next: augment preview \(folder)")
    return lines.joined(separator: "\n")
  }

  /// The model's accuracy on the samples beside its accuracy on the real members.
  private static func modelLine(_ model: ModelSummary) -> String {
    func percent(_ accuracy: ModelSummary.Accuracy) -> String {
      accuracy.accuracy.map { String(format: "%.1f %%", $0 * 100) + " of \(accuracy.scored)" } ?? "none scored"
    }
    var line = "  model accuracy: \(percent(model.accepted)) samples, \(percent(model.members)) real members (--keep \(model.keep)"
    if let target = model.targetErrorRate, let tolerance = model.tolerance {
      line += String(format: ", aiming at %.1f %% wrong ± %.1f", target * 100, tolerance * 100)
    }
    return line + ")"
  }
}
