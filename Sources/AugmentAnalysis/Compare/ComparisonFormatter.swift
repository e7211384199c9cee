import Foundation

extension ReportFormatter {
  /// The comparison: slices and classes with their figures before and after, the change with its interval and
  /// the verdict (and, for paired tables, the examples that changed either way with the exact McNemar p), then
  /// every slice or class that dropped, or got worse without significance, in a block of its own, so it cannot be
  /// missed.
  public static func format(_ comparison: ComparisonReport) -> String {
    var sections = [comparisonHeader(comparison), sliceComparisonSection(comparison)]
    if !comparison.classes.isEmpty {
      sections.append(classComparisonSection(comparison))
    } else if let note = comparison.classificationNote {
      sections.append("Classes\n  \(note)")
    }
    sections.append(droppedSection(comparison))
    return sections.joined(separator: "\n\n") + "\n"
  }

  private static func comparisonHeader(_ comparison: ComparisonReport) -> String {
    var lines = [
      "Comparison of \(comparison.before.dataset) (\(comparison.before.rowCount) rows) "
        + "with \(comparison.after.dataset) (\(comparison.after.rowCount) rows), "
        + "correct when \(ScoreRule.condition(of: comparison.scoreRule))",
      "Change = accuracy after - accuracy before, in percentage points, with its \(level(comparison)) interval",
    ]
    if let media = comparison.before.media {
      lines.append("Media: \(media.joined(separator: " and ")) in both tables")
    }
    if comparison.paired {
      lines.append(
        "Paired: both tables hold the same \(comparison.before.rowCount) examples (ids, labels and tags), so each "
          + "row is compared with itself: exact McNemar test on the rows that changed (the verdict, at "
          + "\(level(comparison))) and Newcombe's square-and-add interval for paired proportions")
    } else {
      lines.append(
        "Unpaired: \(comparison.pairingNote ?? "the tables do not hold the same examples"); the tables are taken as "
          + "independent samples: Newcombe's hybrid score interval, the verdict whether it excludes zero")
    }
    if comparison.before.weighted || comparison.after.weighted {
      lines.append("The weight column is not used: every figure counts examples")
    }
    if let hlpTable = comparison.hlpTable {
      lines.append("HLP from \(hlpTable), otherwise from human labels in each table")
    }
    if let manifests = comparison.manifests {
      let total = comparison.slices.first { $0.name == "overall" }?.samplesAdded ?? 0
      lines.append("\(total) augmented samples in \(manifests.count) manifest\(manifests.count == 1 ? "" : "s")")
      let unmatched = (comparison.unmatchedSamples ?? [:]).sorted { $0.key < $1.key }
      if !unmatched.isEmpty {
        lines.append(
          "Samples for slices neither table has: "
            + unmatched.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
      }
      for (kind, counts) in (comparison.otherMediaSamples ?? [:]).sorted(by: { $0.key < $1.key }) {
        lines.append(
          "Not counted, \(kind) samples unlike the tables' media: "
            + counts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n")
  }

  private static func sliceComparisonSection(_ comparison: ComparisonReport) -> String {
    let showsSamples = comparison.manifests != nil
    var columns: [(String, TextTable.Alignment)] = [("slice", .left), ("n before", .right), ("n after", .right)]
    if showsSamples { columns.append(("samples added", .right)) }
    columns += [
      ("accuracy before", .right), ("after", .right), ("change", .right), ("\(level(comparison)) interval", .left),
    ]
    if comparison.paired { columns += pairedColumns }
    columns += [("gap to HLP before", .right), ("after", .right), ("verdict", .left)]
    var table = TextTable(columns)
    for slice in comparison.slices {
      var row = [slice.name, count(slice.before?.count), count(slice.after?.count)]
      if showsSamples { row.append(count(slice.samplesAdded)) }
      row += [
        Percent.format(slice.before?.accuracy, absent: "-"), Percent.format(slice.after?.accuracy, absent: "-"),
        signedPoints(slice.accuracyChange?.estimate), interval(slice.accuracyChange),
      ]
      if comparison.paired { row += pairedCells(slice.paired) }
      row += [
        Percent.format(slice.before?.gapToHLP, absent: "-"), Percent.format(slice.after?.gapToHLP, absent: "-"),
        slice.verdict.label,
      ]
      table.append(row)
    }
    return "Slices\n" + table.render()
  }

  private static func classComparisonSection(_ comparison: ComparisonReport) -> String {
    var columns: [(String, TextTable.Alignment)] = [
      ("class", .left), ("support before", .right), ("after", .right), ("recall before", .right),
      ("after", .right), ("change", .right), ("\(level(comparison)) interval", .left),
    ]
    if comparison.paired { columns += pairedColumns }
    columns += [
      ("precision before", .right), ("after", .right), ("F1 before", .right), ("after", .right),
      ("change", .right), ("verdict", .left),
    ]
    var table = TextTable(columns)
    for entry in comparison.classes {
      var row = [
        entry.label, count(entry.before?.support), count(entry.after?.support),
        Percent.format(entry.before?.recall, absent: "-"), Percent.format(entry.after?.recall, absent: "-"),
        signedPoints(entry.recallChange?.estimate), interval(entry.recallChange),
      ]
      if comparison.paired { row += pairedCells(entry.paired) }
      row += [
        Percent.format(entry.before?.precision, absent: "-"), Percent.format(entry.after?.precision, absent: "-"),
        Percent.format(entry.before?.f1, absent: "-"), Percent.format(entry.after?.f1, absent: "-"),
        signedPoints(entry.f1Change), entry.verdict.label,
      ]
      table.append(row)
    }
    var lines = ["Classes (verdict from recall, the accuracy on the class's examples; F1 change has no interval)"]
    lines.append(table.render())
    if let note = comparison.classificationNote {
      lines.append("  \(note)")
    }
    return lines.joined(separator: "\n")
  }

  /// Every slice and class that got worse, with its size before and after, so that "can adding data hurt?" is
  /// answered where nobody scrolls past it: first the significant drops, then the drops chance could explain, then
  /// (paired) every other slice or class where some rows went from right to wrong. "Nothing dropped" is said only
  /// when no row got worse (paired) or no slice or class is lower (unpaired).
  private static func droppedSection(_ comparison: ComparisonReport) -> String {
    let (slices, classes) = comparison.dropped
    let (worseSlices, worseClasses) = comparison.worseNotSignificant
    let named = Set(slices.map(\.name) + worseSlices.map(\.name))
    let namedClasses = Set(classes.map(\.label) + worseClasses.map(\.label))
    let rowsWorse =
      comparison.slices.filter { !named.contains($0.name) && ($0.paired?.becameWrong ?? 0) > 0 }.map {
        "  slice \($0.name): \($0.paired!.rowChanges)"
      }
      + comparison.classes.filter { !namedClasses.contains($0.label) && ($0.paired?.becameWrong ?? 0) > 0 }.map {
        "  class \($0.label): \($0.paired!.rowChanges)"
      }
    var blocks: [String] = []
    let total = slices.count + classes.count
    if total > 0 {
      let test = comparison.paired ? "the exact McNemar test is significant" : "the whole interval of the change is below zero"
      blocks.append(
        ([
          "!!! DROPPED: \(total) \(total == 1 ? "slice or class is" : "slices or classes are") worse after "
            + "(\(test) at \(level(comparison))) !!!"
        ] + entries(slices, classes, comparison)).joined(separator: "\n"))
    }
    let worse = worseSlices.count + worseClasses.count
    if worse > 0 {
      blocks.append(
        (["Worse, but not significantly (chance could explain it at \(level(comparison))):"]
          + entries(worseSlices, worseClasses, comparison)).joined(separator: "\n"))
    }
    if !rowsWorse.isEmpty {
      blocks.append((["Rows now wrong that were right, elsewhere:"] + rowsWorse).joined(separator: "\n"))
    }
    guard blocks.isEmpty else { return blocks.joined(separator: "\n\n") }
    return comparison.paired
      ? "Nothing dropped: no row that was right before is wrong after"
      : "Nothing dropped: no slice or class has lower accuracy after"
  }

  /// One line per slice and class: accuracy (recall) before and after, the change and its interval, the sizes,
  /// and for paired tables what happened row by row.
  private static func entries(
    _ slices: [SliceComparison], _ classes: [ClassComparison], _ comparison: ComparisonReport
  ) -> [String] {
    var lines: [String] = []
    for slice in slices {
      guard let before = slice.before, let after = slice.after, let change = slice.accuracyChange else { continue }
      var line =
        "  slice \(slice.name): accuracy \(Percent.format(before.accuracy)) -> \(Percent.format(after.accuracy)) "
        + "(\(signedPoints(change.estimate)) points, \(level(comparison)) interval \(interval(change))) "
        + "on \(before.count) -> \(after.count) examples"
      if let added = slice.samplesAdded { line += ", \(added) samples added" }
      if let paired = slice.paired { line += "; \(paired.rowChanges)" }
      lines.append(line)
    }
    for entry in classes {
      guard let before = entry.before, let after = entry.after, let change = entry.recallChange else { continue }
      var line =
        "  class \(entry.label): recall \(Percent.format(before.recall, absent: "-")) -> "
        + "\(Percent.format(after.recall, absent: "-")) (\(signedPoints(change.estimate)) points, "
        + "\(level(comparison)) interval \(interval(change))) on \(before.support) -> \(after.support) examples"
      if let paired = entry.paired { line += "; \(paired.rowChanges)" }
      lines.append(line)
    }
    return lines
  }

  private static let pairedColumns: [(String, TextTable.Alignment)] = [
    ("right->wrong", .right), ("wrong->right", .right), ("McNemar p", .right),
  ]

  private static func pairedCells(_ paired: PairedOutcomes?) -> [String] {
    guard let paired else { return ["-", "-", "-"] }
    return [String(paired.becameWrong), String(paired.becameRight), PairedOutcomes.format(paired.pValue)]
  }

  /// The confidence level as a percentage: `95%`, `99.9%`.
  private static func level(_ comparison: ComparisonReport) -> String {
    String(format: "%g%%", comparison.confidence * 100)
  }

  private static func count(_ value: Int?) -> String {
    value.map(String.init) ?? "-"
  }

  /// A difference of fractions in percentage points with its sign: `+4.5`, `-12.0`, `0.0`.
  private static func signedPoints(_ difference: Double?) -> String {
    guard let difference else { return "-" }
    let text = String(format: "%+.1f", difference * 100)
    return text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? "0.0" : text
  }

  private static func interval(_ change: ProportionDifference?) -> String {
    guard let change else { return "-" }
    return "\(signedPoints(change.lower)) to \(signedPoints(change.upper))"
  }
}
