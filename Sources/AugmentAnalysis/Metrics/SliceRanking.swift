/// Orders slices by potential gain and writes each one's rank and the reason for it.
///
/// Slices with a positive gain come first, largest first; then slices at or above HLP (no gain); then slices
/// whose HLP is unknown. Gains equal to 12 decimal places tie, and the larger slice ranks first (it carries
/// more data), then the name decides.
enum SliceRanking {
  static func rank(_ slices: [SliceMetrics], weighted: Bool) -> [SliceMetrics] {
    let ordered = slices.sorted { a, b in
      let keyA = key(a, weighted: weighted)
      let keyB = key(b, weighted: weighted)
      if keyA.bucket != keyB.bucket { return keyA.bucket < keyB.bucket }
      if keyA.gain != keyB.gain { return keyA.gain > keyB.gain }
      if keyA.share != keyB.share { return keyA.share > keyB.share }
      return a.name < b.name
    }
    var ranked: [SliceMetrics] = []
    for (index, var slice) in ordered.enumerated() {
      slice.rank = index + 1
      slice.reason = reason(for: slice, weighted: weighted)
      if let previous = ranked.last {
        let previousKey = key(previous, weighted: weighted)
        let sliceKey = key(slice, weighted: weighted)
        if previousKey.bucket == 0 && previousKey.gain == sliceKey.gain {
          let order = previousKey.share > sliceKey.share ? "as the larger slice" : "by name"
          slice.reason += "; ties with \(previous.name), which ranks first \(order)"
        }
      }
      ranked.append(slice)
    }
    return ranked
  }

  private static func key(_ slice: SliceMetrics, weighted: Bool) -> (bucket: Int, gain: Double, share: Double) {
    guard let figures = slice.figures(weighted: weighted), let gain = figures.potentialGain else {
      return (2, 0, slice.share)
    }
    return (gain > 0 ? 0 : 1, (gain * 1e12).rounded(), figures.share)
  }

  /// Why `slice` has the gain it has.
  private static func reason(for slice: SliceMetrics, weighted: Bool) -> String {
    guard let figures = slice.figures(weighted: weighted) else {
      return "every example has weight 0, so the slice has no weighted figures"
    }
    let kind = weighted ? "weighted " : ""
    guard let hlp = figures.hlpAccuracy, let gap = figures.gapToHLP, let gain = figures.potentialGain else {
      return "HLP unknown: no --hlp entry for '\(slice.name)' and no human labels in the slice, "
        + "so no potential gain"
    }
    guard gain > 0 else {
      let comparison = gap == 0 ? "equals" : "exceeds"
      return "at or above HLP: \(kind)accuracy \(Percent.format(figures.accuracy)) \(comparison) HLP "
        + "\(Percent.format(hlp)), so nothing to gain"
    }
    return "\(kind)potential gain \(Percent.format(gain, digits: 2)) = gap to HLP \(Percent.format(gap)) "
      + "× share \(Percent.format(figures.share))"
  }
}
