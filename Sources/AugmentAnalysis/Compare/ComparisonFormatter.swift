import Foundation

extension ReportFormatter {
  /// The comparison: slices and classes with their figures before and after, the change with its interval and
  /// the verdict, then every slice or class that dropped in a block of its own, so it cannot be missed.
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
      "Change = accuracy after - accuracy before, in percentage points, with its \(level(comparison)) interval "
        + "(Newcombe's hybrid score interval, the tables taken as independent samples)",
    ]
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
    }
    return lines.joined(separator: "\n")
  }

  private static func sliceComparisonSection(_ comparison: ComparisonReport) -> String {
    let showsSamples = comparison.manifests != nil
    var columns: [(String, TextTable.Alignment)] = [("slice", .left), ("n before", .right), ("n after", .right)]
    if showsSamples { columns.append(("samples added", .right)) }
    columns += [
      ("accuracy before", .right), ("after", .right), ("change", .right), ("\(level(comparison)) interval", .left),
      ("gap to HLP before", .right), ("after", .right), ("verdict", .left),
    ]
    var table = TextTable(columns)
    for slice in comparison.slices {
      var row = [slice.name, count(slice.before?.count), count(slice.after?.count)]
      if showsSamples { row.append(count(slice.samplesAdded)) }
      row += [
        Percent.format(slice.before?.accuracy, absent: "-"), Percent.format(slice.after?.accuracy, absent: "-"),
        signedPoints(slice.accuracyChange?.estimate), interval(slice.accuracyChange),
        Percent.format(slice.before?.gapToHLP, absent: "-"), Percent.format(slice.after?.gapToHLP, absent: "-"),
        slice.verdict.label,
      ]
      table.append(row)
    }
    return "Slices\n" + table.render()
  }

  private static func classComparisonSection(_ comparison: ComparisonReport) -> String {
    var table = TextTable([
      ("class", .left), ("support before", .right), ("after", .right), ("recall before", .right),
      ("after", .right), ("change", .right), ("\(level(comparison)) interval", .left),
      ("precision before", .right), ("after", .right), ("F1 before", .right), ("after", .right),
      ("change", .right), ("verdict", .left),
    ])
    for entry in comparison.classes {
      table.append([
        entry.label, count(entry.before?.support), count(entry.after?.support),
        Percent.format(entry.before?.recall, absent: "-"), Percent.format(entry.after?.recall, absent: "-"),
        signedPoints(entry.recallChange?.estimate), interval(entry.recallChange),
        Percent.format(entry.before?.precision, absent: "-"), Percent.format(entry.after?.precision, absent: "-"),
        Percent.format(entry.before?.f1, absent: "-"), Percent.format(entry.after?.f1, absent: "-"),
        signedPoints(entry.f1Change), entry.verdict.label,
      ])
    }
    var lines = ["Classes (verdict from recall, the accuracy on the class's examples; F1 change has no interval)"]
    lines.append(table.render())
    if let note = comparison.classificationNote {
      lines.append("  \(note)")
    }
    return lines.joined(separator: "\n")
  }

  /// Every slice and class that got worse, with its size before and after, so that "can adding data hurt?" is
  /// answered where nobody scrolls past it.
  private static func droppedSection(_ comparison: ComparisonReport) -> String {
    let (slices, classes) = comparison.dropped
    let total = slices.count + classes.count
    guard total > 0 else {
      return "Nothing dropped: no slice or class is clearly worse after (at \(level(comparison)) confidence)"
    }
    var lines = [
      "!!! DROPPED: \(total) \(total == 1 ? "slice or class is" : "slices or classes are") worse after "
        + "(the whole \(level(comparison)) interval of the change is below zero) !!!"
    ]
    for slice in slices {
      guard let before = slice.before, let after = slice.after, let change = slice.accuracyChange else { continue }
      var line =
        "  slice \(slice.name): accuracy \(Percent.format(before.accuracy)) -> \(Percent.format(after.accuracy)) "
        + "(\(signedPoints(change.estimate)) points, \(level(comparison)) interval \(interval(change))) "
        + "on \(before.count) -> \(after.count) examples"
      if let added = slice.samplesAdded { line += ", \(added) samples added" }
      lines.append(line)
    }
    for entry in classes {
      guard let before = entry.before, let after = entry.after, let change = entry.recallChange else { continue }
      lines.append(
        "  class \(entry.label): recall \(Percent.format(before.recall, absent: "-")) -> "
          + "\(Percent.format(after.recall, absent: "-")) (\(signedPoints(change.estimate)) points, "
          + "\(level(comparison)) interval \(interval(change))) on \(before.support) -> \(after.support) examples")
    }
    return lines.joined(separator: "\n")
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
