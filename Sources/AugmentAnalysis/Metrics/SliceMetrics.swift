/// One slice of the data (a tag, the untagged rows, all rows, or one value of an audited column) with its
/// figures, its rank among the slices by potential gain, and the reason for that rank.
///
/// The top-level figures are counted per example; ``weighted`` repeats them weighted by the `weight` column
/// when the table has one, and the ranking then uses the weighted potential gain.
public struct SliceMetrics: Codable, Equatable, Sendable {
  /// Where a slice's human-level performance comes from.
  public enum HLPSource: String, Codable, Sendable {
    /// The `--hlp` table.
    case hlpTable = "hlp-table"
    /// The human answers in the error-analysis table.
    case humanLabels = "human-labels"
  }

  public var name: String
  public var count: Int
  /// Rows the model got wrong.
  public var errors: Int
  /// Rows with a human answer.
  public var humanJudged: Int
  /// `nil` when HLP is unknown.
  public var hlpSource: HLPSource?
  public var share: Double
  public var accuracy: Double
  public var errorRate: Double
  public var errorShare: Double?
  public var hlpAccuracy: Double?
  public var gapToHLP: Double?
  public var potentialGain: Double?
  /// The same figures weighted; `nil` when the table has no weights or the slice's weights are all zero.
  public var weighted: SliceFigures?
  /// 1 for the slice with the largest potential gain; `nil` for slices that are not ranked (overall, groups).
  public var rank: Int?
  /// Why the slice ranks where it does, or why it has no gain.
  public var reason: String

  public init(
    name: String, count: Int, errors: Int, humanJudged: Int, hlpSource: HLPSource?, counted: SliceFigures,
    weighted: SliceFigures?, rank: Int? = nil, reason: String = ""
  ) {
    self.name = name
    self.count = count
    self.errors = errors
    self.humanJudged = humanJudged
    self.hlpSource = hlpSource
    self.share = counted.share
    self.accuracy = counted.accuracy
    self.errorRate = counted.errorRate
    self.errorShare = counted.errorShare
    self.hlpAccuracy = counted.hlpAccuracy
    self.gapToHLP = counted.gapToHLP
    self.potentialGain = counted.potentialGain
    self.weighted = weighted
    self.rank = rank
    self.reason = reason
  }

  /// The per-example figures.
  public var counted: SliceFigures {
    SliceFigures(
      total: Double(count), share: share, accuracy: accuracy, errorRate: errorRate, errorShare: errorShare,
      hlpAccuracy: hlpAccuracy, gapToHLP: gapToHLP, potentialGain: potentialGain)
  }

  /// The figures ranking uses: weighted for a weighted table, counted otherwise.
  public func figures(weighted isWeighted: Bool) -> SliceFigures? {
    isWeighted ? weighted : counted
  }
}
