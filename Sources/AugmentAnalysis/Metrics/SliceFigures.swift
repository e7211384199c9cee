/// The figures of one slice, either counted per example or weighted by the `weight` column.
///
/// All rates are fractions (0.94, not 94). Potential gain is the overall accuracy a model would gain by reaching
/// human-level performance on this slice: `max(0, gapToHLP) × share`.
public struct SliceFigures: Codable, Equatable, Sendable {
  /// The slice's size: its example count, or its total weight.
  public var total: Double
  /// The slice's part of all data; tag shares add up to more than 1 when rows carry several tags.
  public var share: Double
  public var accuracy: Double
  /// `1 − accuracy`: how often the model is wrong within the slice.
  public var errorRate: Double
  /// The slice's part of all errors; `nil` when the model makes no errors at all.
  public var errorShare: Double?
  /// Human accuracy on the slice; `nil` when unknown (the slice's `reason` says so).
  public var hlpAccuracy: Double?
  /// `hlpAccuracy − accuracy`; negative when the model beats the humans; `nil` when HLP is unknown.
  public var gapToHLP: Double?
  /// `max(0, gapToHLP) × share`; `nil` when HLP is unknown.
  public var potentialGain: Double?

  public init(
    total: Double, share: Double, accuracy: Double, errorRate: Double, errorShare: Double?,
    hlpAccuracy: Double?, gapToHLP: Double?, potentialGain: Double?
  ) {
    self.total = total
    self.share = share
    self.accuracy = accuracy
    self.errorRate = errorRate
    self.errorShare = errorShare
    self.hlpAccuracy = hlpAccuracy
    self.gapToHLP = gapToHLP
    self.potentialGain = potentialGain
  }

  /// Measures `rows` as a slice of data whose total size is `dataTotal` and whose errors total `errorTotal`,
  /// sizing each row by `size` (1 for counts, the weight for weighted figures). Returns `nil` when the rows'
  /// size is zero, where no rate is defined.
  static func measure(
    _ rows: [ErrorRow], size: (ErrorRow) -> Double, dataTotal: Double, errorTotal: Double, tableHLP: Double?
  ) -> SliceFigures? {
    var total = 0.0
    var correct = 0.0
    var judged = 0.0
    var humanCorrect = 0.0
    for row in rows {
      let amount = size(row)
      total += amount
      if row.isCorrect { correct += amount }
      if let isHumanCorrect = row.isHumanCorrect {
        judged += amount
        if isHumanCorrect { humanCorrect += amount }
      }
    }
    guard total > 0 else { return nil }
    let accuracy = correct / total
    let share = total / dataTotal
    let hlp = tableHLP ?? (judged > 0 ? humanCorrect / judged : nil)
    let gap = hlp.map { $0 - accuracy }
    return SliceFigures(
      total: total, share: share, accuracy: accuracy, errorRate: (total - correct) / total,
      errorShare: errorTotal > 0 ? (total - correct) / errorTotal : nil,
      hlpAccuracy: hlp, gapToHLP: gap, potentialGain: gap.map { max(0, $0) * share })
  }
}
