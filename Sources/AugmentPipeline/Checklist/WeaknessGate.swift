import AugmentAnalysis

/// "Is the model actually weak on this slice?" — decided once per run from the error analysis, by the
/// ``WeaknessRule`` that `augment plan` applies too.
///
/// The slice passes when its gap to human-level accuracy is at least `minGapToHLP`; when HLP is unknown,
/// when its error rate exceeds the overall error rate by at least that much instead. A weighted table is judged
/// on its weighted figures, as the analysis ranks it.
public enum WeaknessGate {
  public static func evaluate(slice: String, report: AnalysisReport, minGapToHLP: Double) -> Verdict {
    guard let sliceMetrics = report.slices.first(where: { $0.name == slice }),
      let metrics = sliceMetrics.figures(weighted: report.weighted),
      let overall = report.overall.figures(weighted: report.weighted)
    else {
      return Verdict(
        rule: "weakness", kind: .weakness, value: .nan, minimum: minGapToHLP, what: "the gap to HLP",
        failure: "no example in \(report.dataset) is tagged \(slice), so nothing shows the model is weak there.")
    }
    let percent = { (value: Double) in Verdict.format(value * 100) + " %" }
    let judgement = WeaknessRule(minimumGap: minGapToHLP).judge(metrics, overall: overall)
    switch judgement.basis {
    case .gapToHLP(let hlp):
      return Verdict(
        rule: "weakness", kind: .weakness, value: judgement.value, minimum: minGapToHLP,
        what: "the gap to HLP on \(slice) (accuracy \(percent(metrics.accuracy)) vs human \(percent(hlp)))",
        failure: "the model is already close to human level there, so more data is unlikely to help.")
    case .errorRateAboveOverall:
      return Verdict(
        rule: "weakness", kind: .weakness, value: judgement.value, minimum: minGapToHLP,
        what: "HLP is unknown; the error rate on \(slice) above the overall error rate",
        failure: "the model does no worse there than elsewhere.")
    }
  }
}
