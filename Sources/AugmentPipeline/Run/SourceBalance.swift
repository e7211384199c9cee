import Foundation

/// How a run spreads its samples over the eligible sources (`--balance`): the strata of its ``SourceSchedule``.
public enum SourceBalance: Sendable, Equatable, CustomStringConvertible {
  /// One stratum per label (the default), so each label gets its share of the samples whatever the table's order.
  case label
  /// One stratum: sources in a seeded order, ignoring labels.
  case none
  /// One stratum per value of a column of the table, e.g. `speaker`.
  case column(String)

  /// Reads `label`, `none`, or any other text as a column name.
  public init(_ text: String) {
    switch text {
    case "label": self = .label
    case "none": self = .none
    default: self = .column(text)
    }
  }

  public var description: String {
    switch self {
    case .label: "label"
    case .none: "none"
    case .column(let name): name
    }
  }
}

/// One `--sources-where COLUMN=VALUE` condition: only rows whose column holds the value may be sources.
public struct SourceFilter: Sendable, Equatable, CustomStringConvertible {
  public var column: String
  public var value: String

  public init(column: String, value: String) {
    self.column = column
    self.value = value
  }

  /// Parses `COLUMN=VALUE`; the value may be empty (rows where the column is empty), the column may not.
  public init(parsing text: String) throws {
    guard let equals = text.firstIndex(of: "=") else { throw RunError.invalidSourceFilter(text) }
    let column = text[..<equals].trimmingCharacters(in: .whitespaces)
    guard !column.isEmpty else { throw RunError.invalidSourceFilter(text) }
    self.init(column: column, value: text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
  }

  public var description: String { "\(column)=\(value)" }
}
