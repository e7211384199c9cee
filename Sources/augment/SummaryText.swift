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
    let rejected = summary.rejectedByRule.values.reduce(0, +)
    if rejected > 0 {
      let byRule = summary.rejectedByRule.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      lines.append("  rejected \(rejected) candidates: \(byRule) (details in rejected.jsonl)")
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
    if summary.interrupted { lines.append("  interrupted: run again with --resume to continue") }
    lines.append("  next: augment preview \(folder)")
    return lines.joined(separator: "\n")
  }
}
