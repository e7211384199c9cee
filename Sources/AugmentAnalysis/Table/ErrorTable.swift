import Foundation

/// An error-analysis table: one row per example with its label, the model's prediction and the slices (tags)
/// it belongs to.
///
/// ## Columns
/// Header names are matched case-insensitively; surrounding spaces in names and values are ignored.
/// - `label` (required): the ground truth.
/// - `prediction` (required unless a ``ScoreRule`` is given): the model's output; correct when equal to `label`.
/// - `score` (required with a ``ScoreRule``): a per-example score such as WER; correct when the rule accepts it.
/// - `id`, `path`: what the example is; `path` locates the media file for augmentation.
/// - `human_label` (or `human`): a human's answer, to estimate human-level performance (HLP) per slice.
/// - `human_score`: a human's score, for HLP when correctness comes from a score rule.
/// - `weight`: how much the example matters (a non-negative number); weighted figures are reported when present.
/// - `tags`: the example's tags separated by `;`.
///
/// Any other column is either a boolean tag column or an extra column (``ErrorRow/extra``), such as `gender`.
/// Unless ``TableOptions/tagColumns`` names them, boolean tag columns are detected: a column that is not one of
/// the names above, whose every value is one of `0`, `1`, `true`, `false`, `yes`, `no` or empty (any case), and
/// which holds at least one non-empty value. The column's header is the tag; `1`, `true` and `yes` set it.
/// Tags from the `tags` column and from tag columns are combined. A row with several tags belongs to every one
/// of those slices. The names `untagged` and `overall` are reserved for the report's own slices.
public struct ErrorTable: Sendable {
  /// The file the table was read from.
  public var source: URL
  /// The header as written (JSON Lines: keys in order of first appearance, sorted within a line).
  public var columns: [String]
  /// The columns read as boolean tags.
  public var tagColumns: [String]
  /// Whether the table has a `weight` column.
  public var hasWeights: Bool
  /// How correctness was judged; `nil` means exact match of prediction and label.
  public var scoreRule: ScoreRule?
  public var rows: [ErrorRow]

  public init(
    source: URL, columns: [String], tagColumns: [String] = [], hasWeights: Bool = false,
    scoreRule: ScoreRule? = nil, rows: [ErrorRow]
  ) {
    self.source = source
    self.columns = columns
    self.tagColumns = tagColumns
    self.hasWeights = hasWeights
    self.scoreRule = scoreRule
    self.rows = rows
  }

  /// Reads a table from a CSV or JSON Lines file.
  /// - Throws: ``TableError`` naming the file and line.
  public static func load(from url: URL, options: TableOptions = TableOptions()) throws -> ErrorTable {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw TableError(path: url.relativePath, line: nil, kind: .unreadable(reason: error.localizedDescription))
    }
    return try ErrorTable(data: data, source: url, options: options)
  }

  /// Reads a table from bytes; `source` names it in errors and in the report, and its extension picks the format
  /// when ``TableOptions/format`` is `nil`.
  /// - Throws: ``TableError`` naming the file and line.
  public init(data: Data, source: URL, options: TableOptions = TableOptions()) throws {
    try self.init(raw: RawTable.read(data, source: source, format: options.format), source: source, options: options)
  }

  /// Gives the columns of `raw` their meaning and reads every record into a row.
  init(raw: RawTable, source: URL, options: TableOptions) throws {
    let schema = try TableSchema(table: raw, options: options)
    self.init(
      source: source, columns: schema.header, tagColumns: schema.tagColumns.map { schema.header[$0] },
      hasWeights: schema.roles[.weight] != nil, scoreRule: options.scoreRule,
      rows: try raw.records.map(schema.row(from:)))
  }

  /// Every tag used by some row, sorted.
  public var tags: [String] {
    Set(rows.flatMap(\.tags)).sorted()
  }

  /// The rows carrying `tag`.
  public func rows(taggedWith tag: String) -> [ErrorRow] {
    rows.filter { $0.tags.contains(tag) }
  }

  /// The columns that are neither known nor tag columns, in header order; these can be audited with `--by`.
  public var extraColumns: [String] {
    columns.filter { TableSchema.knownColumns[$0.lowercased()] == nil && !tagColumns.contains($0) }
  }

  /// The rows augmentation starts from: untagged (clean) examples the model got right, so that an augmented
  /// copy shows the slice's condition and nothing else the model already struggles with.
  public var sourceExamples: [ErrorRow] {
    rows.filter { $0.isUntagged && $0.isCorrect }
  }
}
