/// What to analyse beyond the per-tag slices.
public struct AnalysisOptions: Sendable {
  /// Human-level performance by slice; takes precedence over the table's human answers.
  public var hlp: HLPTable?
  /// Descriptive columns to audit group by group (`--by`).
  public var groupColumns: [String]
  /// Above this many distinct classes the labels are taken for free text (transcripts) and no per-class
  /// metrics are computed.
  public var maxClasses: Int

  public init(hlp: HLPTable? = nil, groupColumns: [String] = [], maxClasses: Int = 50) {
    self.hlp = hlp
    self.groupColumns = groupColumns
    self.maxClasses = maxClasses
  }
}
