/// Puts realism features on one scale, fitted on the real members of a slice: each feature is centred on
/// the members' median and divided by their robust spread, the interquartile range over 1.349 (the
/// standard deviation for a normal distribution).
///
/// Median and IQR rather than mean and standard deviation because a slice has few members and one odd
/// member (a clip tagged with two slices) must not stretch the scale for the others. A spread is never
/// smaller than the feature's resolution (`minimumSpreads`, e.g. 1 dB for a level): members that agree
/// exactly, such as ten unclipped clips, would otherwise make a difference too small to hear or see
/// count as infinitely many spreads.
public struct FeatureScaling: Sendable, Equatable {
  /// The members' median of each feature.
  public let centres: [Double]
  /// The robust spread of each feature, at least its resolution.
  public let spreads: [Double]

  /// Fits the scaling on `rows`, one feature vector per member, all of the same length as `minimumSpreads`.
  ///
  /// - Precondition: `rows` is not empty and every value is finite.
  public init(fitting rows: [[Double]], minimumSpreads: [Double]) {
    precondition(!rows.isEmpty, "scaling needs at least one member")
    precondition(rows.allSatisfy { $0.count == minimumSpreads.count && $0.allSatisfy(\.isFinite) }, "rows must be finite vectors")
    var centres: [Double] = [], spreads: [Double] = []
    for feature in minimumSpreads.indices {
      let column = rows.map { $0[feature] }.sorted()
      centres.append(EmpiricalQuantile.value(column, at: 0.5))
      let iqr = EmpiricalQuantile.value(column, at: 0.75) - EmpiricalQuantile.value(column, at: 0.25)
      spreads.append(max(iqr / 1.349, minimumSpreads[feature]))
    }
    self.centres = centres
    self.spreads = spreads
  }

  /// `row` in spreads from the members' median, feature by feature.
  public func standardise(_ row: [Double]) -> [Double] {
    precondition(row.count == centres.count, "a row of \(row.count) features for a scaling of \(centres.count)")
    return row.indices.map { (row[$0] - centres[$0]) / spreads[$0] }
  }
}
