import Foundation

/// Renders reports and plans as plain text for a terminal: aligned tables of percentages, then the reasons.
public enum ReportFormatter {
  /// The analysis: slices ranked by potential gain with their reasons, weighted figures when the table has
  /// weights, per-class metrics with warnings, and group audits.
  public static func format(_ report: AnalysisReport) -> String {
    var sections = [header(of: report)]
    sections.append(sliceSection(report, weighted: false))
    if report.weighted {
      sections.append(sliceSection(report, weighted: true))
    }
    let reasons = report.rankedSlices.map { slice in
      "  \(slice.rank.map(String.init) ?? "-"). \(slice.name): \(slice.reason)"
    }
    sections.append("Reasons\n" + reasons.joined(separator: "\n"))
    if let classification = report.classification {
      sections.append(classSection(classification))
    } else if let note = report.classificationNote {
      sections.append("Classes\n  \(note)")
    }
    sections += report.groups.map { groupSection($0, weighted: report.weighted) }
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// The plan: samples per slice, then the skipped slices with their reasons.
  public static func format(_ plan: AugmentationPlan) -> String {
    var table = TextTable([("slice", .left), ("samples", .right), ("potential gain", .right), ("reason", .left)])
    for entry in plan.entries {
      table.append([entry.slice, String(entry.count), Percent.format(entry.potentialGain, digits: 2), entry.reason])
    }
    var text = "Plan for \(plan.budget) samples from \(plan.analysis)\n" + table.render()
    if !plan.skipped.isEmpty {
      text += "\n\nSkipped\n" + plan.skipped.map { "  \($0.slice): \($0.reason)" }.joined(separator: "\n")
    }
    return text + "\n"
  }

  private static func header(of report: AnalysisReport) -> String {
    let correctness =
      report.scoreRule.map { rule in
        let comparison = rule.direction == .lowerIsBetter ? "<=" : ">="
        return "correct when score \(comparison) \(rule.threshold)"
      } ?? "correct when prediction equals label"
    var lines = ["Error analysis of \(report.dataset): \(report.rowCount) rows, \(correctness)"]
    if let hlpTable = report.hlpTable {
      lines.append("HLP from \(hlpTable), otherwise from human labels in the table")
    }
    lines.append("\(report.sourceExamples) source examples (untagged rows the model got right)")
    return lines.joined(separator: "\n")
  }

  private static func sliceSection(_ report: AnalysisReport, weighted: Bool) -> String {
    let title =
      weighted
      ? "Weighted by the weight column, ranked by weighted potential gain"
      : report.weighted
        ? "Counted per example (ranked by the weighted figures below)" : "Slices ranked by potential gain"
    var table = TextTable([
      ("rank", .right), ("slice", .left), (weighted ? "weight" : "count", .right), ("share", .right),
      ("accuracy", .right), ("error rate", .right), ("of errors", .right), ("HLP", .right), ("HLP from", .left),
      ("gap", .right), ("gain", .right),
    ])
    for slice in report.rankedSlices + [report.overall] {
      table.append(sliceRow(slice, weighted: weighted))
    }
    return title + "\n" + table.render()
  }

  private static func sliceRow(_ slice: SliceMetrics, weighted: Bool, name: String? = nil) -> [String] {
    let rank = slice.rank.map(String.init) ?? ""
    let source =
      switch slice.hlpSource {
      case .hlpTable: "--hlp"
      case .humanLabels: "humans (\(slice.humanJudged))"
      case nil: ""
      }
    guard let figures = slice.figures(weighted: weighted) else {
      return [rank, name ?? slice.name, "0"] + Array(repeating: "", count: 6) + [source, ""]
    }
    let size = weighted ? number(figures.total) : String(slice.count)
    return [
      rank, name ?? slice.name, size, Percent.format(figures.share), Percent.format(figures.accuracy),
      Percent.format(figures.errorRate), Percent.format(figures.errorShare, absent: "-"),
      Percent.format(figures.hlpAccuracy, absent: "unknown"), source,
      Percent.format(figures.gapToHLP, absent: "-"), Percent.format(figures.potentialGain, digits: 2, absent: "-"),
    ]
  }

  private static func classSection(_ metrics: ClassificationMetrics) -> String {
    var perClass = TextTable([
      ("class", .left), ("precision", .right), ("recall", .right), ("F1", .right), ("support", .right),
      ("predicted", .right),
    ])
    for entry in metrics.perClass {
      perClass.append([
        entry.label, Percent.format(entry.precision, absent: "undefined"),
        Percent.format(entry.recall, absent: "undefined"), Percent.format(entry.f1),
        String(entry.support), String(entry.predicted),
      ])
    }
    for (name, average) in [("macro avg", metrics.macro), ("micro avg", metrics.micro)] {
      perClass.append([
        name, Percent.format(average.precision, absent: "undefined"),
        Percent.format(average.recall, absent: "undefined"), Percent.format(average.f1), "", "",
      ])
    }

    var confusion = TextTable([("label \\ prediction", .left)] + metrics.classes.map { ($0, .right) })
    for (label, counts) in zip(metrics.classes, metrics.confusionMatrix) {
      confusion.append([label] + counts.map(String.init))
    }

    var lines = [
      "Classes (accuracy \(Percent.format(metrics.accuracy)); always predicting '\(metrics.majorityClass)' "
        + "scores \(Percent.format(metrics.majorityBaseline)))",
      perClass.render(), "", "Confusion matrix (rows: label, columns: prediction)", confusion.render(),
    ]
    if !metrics.warnings.isEmpty {
      lines += ["", "Warnings"] + metrics.warnings.map { "  - \($0)" }
    }
    return lines.joined(separator: "\n")
  }

  private static func groupSection(_ audit: GroupAudit, weighted: Bool) -> String {
    var table = TextTable([
      ("group", .left), (weighted ? "weight" : "count", .right), ("share", .right), ("accuracy", .right),
      ("error rate", .right), ("of errors", .right), ("HLP", .right), ("HLP from", .left), ("gap", .right),
      ("gain", .right), ("", .left),
    ])
    for group in audit.groups {
      let name = group.name.isEmpty ? "(empty)" : group.name
      let flag = group.name == audit.largestGap?.worst ? "<- largest gap" : ""
      table.append(Array(sliceRow(group, weighted: weighted, name: name).dropFirst()) + [flag])
    }
    let gap =
      audit.largestGap.map { gap in
        "largest gap: '\(gap.worst)' is \(Percent.points(gap.accuracyDifference)) below '\(gap.best)'"
      } ?? "fewer than two groups, so no gap"
    let details = audit.groups.map { "  \($0.name.isEmpty ? "(empty)" : $0.name): \($0.reason)" }
    return "Audit by \(audit.column) (\(gap))\n" + table.render() + "\n" + details.joined(separator: "\n")
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
  }
}
