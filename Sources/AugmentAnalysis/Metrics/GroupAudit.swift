/// The slice metrics for every value of one descriptive column (gender, device, accent), to find groups the
/// model serves worse than others. Groups are listed worst accuracy first (weighted for a weighted table), and
/// the gap between the best and the worst group is flagged.
public struct GroupAudit: Codable, Equatable, Sendable {
  /// The difference between the best and the worst group.
  public struct Gap: Codable, Equatable, Sendable {
    public var best: String
    public var worst: String
    /// Best accuracy minus worst accuracy.
    public var accuracyDifference: Double

    public init(best: String, worst: String, accuracyDifference: Double) {
      self.best = best
      self.worst = worst
      self.accuracyDifference = accuracyDifference
    }
  }

  public var column: String
  /// One slice per value of the column (an empty cell is the group `""`); HLP comes only from human labels.
  public var groups: [SliceMetrics]
  /// `nil` when the column has fewer than two groups with figures.
  public var largestGap: Gap?

  public init(column: String, groups: [SliceMetrics], largestGap: Gap?) {
    self.column = column
    self.groups = groups
    self.largestGap = largestGap
  }

  init(column: String, rows: [ErrorRow], measurer: SliceMeasurer) {
    let weighted = measurer.isWeighted
    let values = Set(rows.map { $0.extra[column] ?? "" })
    let measured = values.compactMap { value in
      measurer.measure(value, rows: rows.filter { ($0.extra[column] ?? "") == value }, hlpKey: nil)
    }
    func accuracy(_ group: SliceMetrics) -> Double? { group.figures(weighted: weighted)?.accuracy }
    var groups = measured.sorted { a, b in
      switch (accuracy(a), accuracy(b)) {
      case (let x?, let y?) where x != y: x < y
      case (nil, _?): false
      case (_?, nil): true
      default: a.name < b.name
      }
    }
    let comparable = groups.filter { accuracy($0) != nil }
    var gap: Gap?
    if comparable.count >= 2, let worst = comparable.first, let best = comparable.last {
      gap = Gap(best: best.name, worst: worst.name, accuracyDifference: accuracy(best)! - accuracy(worst)!)
    }
    let bestAccuracy = gap.flatMap { gap in groups.first { $0.name == gap.best }.flatMap(accuracy) }
    for index in groups.indices {
      groups[index].reason = Self.reason(
        for: groups[index], accuracy: accuracy(groups[index]), gap: gap, bestAccuracy: bestAccuracy)
    }
    self.init(column: column, groups: groups, largestGap: gap)
  }

  private static func reason(for group: SliceMetrics, accuracy: Double?, gap: Gap?, bestAccuracy: Double?) -> String {
    guard let accuracy else { return "every example has weight 0, so the group has no weighted figures" }
    guard let gap, let bestAccuracy else { return "the only group with figures" }
    if group.name == gap.best { return "best group" }
    let below = "accuracy \(Percent.points(bestAccuracy - accuracy)) below '\(gap.best)'"
    return group.name == gap.worst ? "largest gap: " + below : below
  }
}
