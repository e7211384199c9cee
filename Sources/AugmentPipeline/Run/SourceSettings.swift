/// The settings that decide which source each sample starts from, recorded in `run.json` so that a run is only
/// resumed or merged with the same ones.
public struct SourceSettings: Sendable, Equatable, Codable, CustomStringConvertible {
  /// `--sources`: untagged-correct, untagged or all.
  public var selection: String
  /// `--balance`: label, none, or a column.
  public var balance: String
  /// `--sources-where` conditions, as `COLUMN=VALUE`, in the order given.
  public var sourcesWhere: [String]
  /// `--media-root`, relative to the run folder; `nil` when paths are relative to the table's folder.
  public var mediaRoot: String?
  /// `--predictions`, relative to the run folder.
  public var predictions: String?
  /// `--group-column`, as the table's header spells it: shards grouped by different columns cannot be merged.
  public var groupColumn: String?

  public init(
    selection: String, balance: String, sourcesWhere: [String], mediaRoot: String?, predictions: String?,
    groupColumn: String? = nil
  ) {
    self.selection = selection
    self.balance = balance
    self.sourcesWhere = sourcesWhere
    self.mediaRoot = mediaRoot
    self.predictions = predictions
    self.groupColumn = groupColumn
  }

  enum CodingKeys: String, CodingKey {
    case selection, balance
    case sourcesWhere = "sources_where", mediaRoot = "media_root", predictions, groupColumn = "group_column"
  }

  public var description: String {
    var parts = ["--sources \(selection)", "--balance \(balance)"]
    parts += sourcesWhere.map { "--sources-where \($0)" }
    if let mediaRoot { parts.append("--media-root \(mediaRoot)") }
    if let predictions { parts.append("--predictions \(predictions)") }
    if let groupColumn { parts.append("--group-column \(groupColumn)") }
    return parts.joined(separator: " ")
  }
}
