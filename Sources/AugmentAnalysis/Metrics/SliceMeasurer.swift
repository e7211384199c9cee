/// Measures slices of one table against the table's totals, taking HLP from the `--hlp` table where it has the
/// slice and from the table's human answers otherwise.
struct SliceMeasurer {
  let rowCount: Int
  let errorCount: Int
  let totalWeight: Double
  let errorWeight: Double
  let isWeighted: Bool
  let hlp: HLPTable?

  init(table: ErrorTable, hlp: HLPTable?) {
    rowCount = table.rows.count
    errorCount = table.rows.count { !$0.isCorrect }
    totalWeight = table.rows.reduce(0) { $0 + $1.weight }
    errorWeight = table.rows.reduce(0) { $0 + ($1.isCorrect ? 0 : $1.weight) }
    isWeighted = table.hasWeights
    self.hlp = hlp
  }

  /// Measures `rows` as the slice `name`; `hlpKey` is the name the `--hlp` table lists the slice under, or `nil`
  /// for slices it cannot list (audited groups). Returns `nil` for no rows, where no figure is defined.
  func measure(_ name: String, rows: [ErrorRow], hlpKey: String?) -> SliceMetrics? {
    let tableHLP = hlpKey.flatMap { hlp?.accuracies[$0] }
    guard
      let counted = SliceFigures.measure(
        rows, size: { _ in 1 }, dataTotal: Double(rowCount), errorTotal: Double(errorCount), tableHLP: tableHLP)
    else { return nil }
    let humanJudged = rows.count { $0.isHumanCorrect != nil }
    let weighted =
      isWeighted
      ? SliceFigures.measure(rows, size: \.weight, dataTotal: totalWeight, errorTotal: errorWeight, tableHLP: tableHLP)
      : nil
    let source: SliceMetrics.HLPSource? =
      tableHLP != nil ? .hlpTable : humanJudged > 0 ? .humanLabels : nil
    return SliceMetrics(
      name: name, count: rows.count, errors: rows.count { !$0.isCorrect }, humanJudged: humanJudged,
      hlpSource: source, counted: counted, weighted: weighted)
  }
}
