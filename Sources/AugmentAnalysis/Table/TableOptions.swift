/// The file formats an error-analysis table can be read from.
public enum TableFormat: String, Sendable, CaseIterable {
  /// Comma-separated values with a header row (RFC 4180 quoting).
  case csv
  /// JSON Lines: one JSON object per line.
  case jsonl
}

/// How to read an error-analysis table.
public struct TableOptions: Sendable {
  /// The format; `nil` decides by extension (`.csv`; `.jsonl`, `.ndjson`, `.json`) and otherwise by content
  /// (a file whose first non-blank character is `{` is JSON Lines).
  public var format: TableFormat?
  /// Judge correctness by the `score` column instead of comparing prediction and label.
  public var scoreRule: ScoreRule?
  /// The boolean tag columns; `nil` detects them (see ``ErrorTable``), an empty list disables them.
  public var tagColumns: [String]?

  public init(format: TableFormat? = nil, scoreRule: ScoreRule? = nil, tagColumns: [String]? = nil) {
    self.format = format
    self.scoreRule = scoreRule
    self.tagColumns = tagColumns
  }
}
