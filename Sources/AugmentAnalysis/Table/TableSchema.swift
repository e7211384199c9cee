import Foundation

/// What each column of a table means, decided once from the header (and, for boolean tag columns, from the
/// values), then used to turn every record into an ``ErrorRow``.
struct TableSchema {
  /// The columns ``ErrorTable`` gives a meaning to, by their lower-cased header name.
  enum Role: String, CaseIterable {
    case id, path, label, prediction
    case humanLabel = "human_label"
    case humanScore = "human_score"
    case weight, score, tags
  }

  /// Every accepted spelling, including `human` for `human_label`.
  static let knownColumns: [String: Role] = Dictionary(
    uniqueKeysWithValues: Role.allCases.map { ($0.rawValue, $0) } + [("human", .humanLabel)])

  /// Slice names the report uses for itself, so no tag may take them.
  static let reservedSliceNames: Set<String> = ["untagged", "overall"]

  private static let flagValues: Set<String> = ["0", "1", "true", "false", "yes", "no", ""]
  private static let trueValues: Set<String> = ["1", "true", "yes"]

  let path: String
  let header: [String]
  let scoreRule: ScoreRule?
  private(set) var roles: [Role: Int] = [:]
  private(set) var tagColumns: [Int] = []
  private(set) var extraColumns: [Int] = []

  init(table: RawTable, options: TableOptions) throws {
    path = table.path
    header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
    scoreRule = options.scoreRule
    var seen: Set<String> = []
    var duplicate: String?
    var unassigned: [Int] = []
    for (index, name) in header.enumerated() {
      let key = name.lowercased()
      let role = Self.knownColumns[key]
      // `human` and `human_label` are one column under two spellings, so both together is a duplicate too.
      guard seen.insert(role?.rawValue ?? key).inserted else {
        duplicate = duplicate ?? name
        continue
      }
      if let role { roles[role] = index } else { unassigned.append(index) }
    }
    // A missing column is reported first: a file without a header often repeats a value in its first line.
    try requireColumns()
    if let duplicate {
      throw TableError(path: path, line: 1, kind: .duplicateColumn(duplicate))
    }
    guard !table.records.isEmpty else {
      throw TableError(path: path, line: 2, kind: .noDataRows)
    }
    if let names = options.tagColumns {
      tagColumns = try names.filter { !$0.isEmpty }.map { name in
        guard let index = unassigned.first(where: { header[$0].lowercased() == name.lowercased() }) else {
          throw TableError(
            path: path, line: 1, kind: .unknownColumn(name, expected: unassigned.map { header[$0] }))
        }
        return index
      }
    } else {
      tagColumns = unassigned.filter { index in
        let values = table.records.map { Self.normalizedFlag($0.fields[index]) }
        return values.allSatisfy(Self.flagValues.contains) && values.contains { !$0.isEmpty }
      }
    }
    extraColumns = unassigned.filter { !tagColumns.contains($0) }
  }

  private func requireColumns() throws {
    var required: [Role] = [.label]
    required.append(scoreRule == nil ? .prediction : .score)
    for role in required where roles[role] == nil {
      throw TableError(path: path, line: 1, kind: .missingColumn(role.rawValue, found: header))
    }
  }

  private static func normalizedFlag(_ value: String) -> String {
    value.trimmingCharacters(in: .whitespaces).lowercased()
  }

  func row(from record: RawTable.Record) throws -> ErrorRow {
    let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    func value(_ role: Role) -> String? {
      guard let index = roles[role], !fields[index].isEmpty else { return nil }
      return fields[index]
    }
    func missing(_ role: Role) -> TableError {
      TableError(path: path, line: record.line, kind: .missingValue(column: header[roles[role]!]))
    }
    func required(_ role: Role) throws -> String {
      guard let text = value(role) else { throw missing(role) }
      return text
    }
    func number(_ text: String, in role: Role, expected: String, isValid: (Double) -> Bool) throws -> Double {
      guard let number = Double(text), isValid(number) else {
        throw TableError(
          path: path, line: record.line,
          kind: .invalidNumber(column: header[roles[role]!], value: text, expected: expected))
      }
      return number
    }
    func finite(_ role: Role) throws -> Double? {
      try value(role).map { try number($0, in: role, expected: "a finite number", isValid: \.isFinite) }
    }

    let label = try required(.label)
    let score = try finite(.score)
    let humanScore = try finite(.humanScore)
    let humanLabel = value(.humanLabel)
    let weight =
      roles[.weight] == nil
      ? 1
      : try number(required(.weight), in: .weight, expected: "a non-negative number") { $0.isFinite && $0 >= 0 }

    let prediction: String?
    let isCorrect: Bool
    let isHumanCorrect: Bool?
    if let scoreRule {
      guard let score else { throw missing(.score) }
      prediction = value(.prediction)
      isCorrect = scoreRule.accepts(score)
      isHumanCorrect = humanScore.map(scoreRule.accepts)
    } else {
      prediction = try required(.prediction)
      isCorrect = prediction == label
      isHumanCorrect = humanLabel.map { $0 == label }
    }

    return ErrorRow(
      line: record.line, id: value(.id), path: value(.path), label: label, prediction: prediction,
      humanLabel: humanLabel, humanScore: humanScore, weight: weight, score: score,
      tags: try tags(in: fields, line: record.line),
      extra: Dictionary(uniqueKeysWithValues: extraColumns.map { (header[$0], fields[$0]) }),
      isCorrect: isCorrect, isHumanCorrect: isHumanCorrect)
  }

  private func tags(in fields: [String], line: Int) throws -> [String] {
    var tags: [String] = []
    if let index = roles[.tags] {
      tags = fields[index].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
    for index in tagColumns {
      let flag = Self.normalizedFlag(fields[index])
      guard Self.flagValues.contains(flag) else {
        throw TableError(path: path, line: line, kind: .invalidBoolean(column: header[index], value: fields[index]))
      }
      if Self.trueValues.contains(flag) { tags.append(header[index]) }
    }
    if let reserved = tags.first(where: { Self.reservedSliceNames.contains($0.lowercased()) }) {
      throw TableError(path: path, line: line, kind: .reservedTag(reserved))
    }
    var seen: Set<String> = []
    return tags.filter { seen.insert($0).inserted }
  }
}
