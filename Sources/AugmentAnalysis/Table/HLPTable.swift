import Foundation

/// Human-level performance per slice, given as a CSV table with the columns `tag` and `human_accuracy`.
///
/// `tag` may also be `untagged` or `overall` for those slices. An accuracy written with `%` (`95%`) is a percent.
/// Bare numbers are read per column: when every bare value is at most 1 they are fractions (`0.95`), otherwise they
/// are all percents (`95`), so a table mixing `98` and `1` means 98% and 1%. Percents above 100 are errors.
/// For a slice listed here this value is used even when the error-analysis table has human labels.
public struct HLPTable: Equatable, Sendable {
  /// The file the table was read from, for the report.
  public var source: String
  /// Human accuracy as a fraction in 0...1, by tag.
  public var accuracies: [String: Double]

  public init(source: String, accuracies: [String: Double]) {
    self.source = source
    self.accuracies = accuracies
  }

  /// Reads an HLP table file.
  /// - Throws: ``TableError`` naming the file and line.
  public static func load(from url: URL) throws -> HLPTable {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw TableError(path: url.relativePath, line: nil, kind: .unreadable(reason: error.localizedDescription))
    }
    return try HLPTable(data: data, source: url.relativePath)
  }

  /// Reads an HLP table from CSV bytes; `source` names it in errors.
  /// - Throws: ``TableError`` naming the file and line.
  public init(data: Data, source: String) throws {
    let table = try CSVReader.read(TableText.decode(data, path: source), path: source)
    let expected = ["tag", "human_accuracy"]
    let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    if let unknown = header.first(where: { !expected.contains($0) }) {
      throw TableError(path: source, line: 1, kind: .unknownColumn(unknown, expected: expected))
    }
    for name in expected where !header.contains(name) {
      throw TableError(path: source, line: 1, kind: .missingColumn(name, found: table.header))
    }
    guard !table.records.isEmpty else { throw TableError(path: source, line: 2, kind: .noDataRows) }
    let tagIndex = header.firstIndex(of: "tag")!
    let accuracyIndex = header.firstIndex(of: "human_accuracy")!

    var entries: [(tag: String, value: Double, isPercent: Bool)] = []
    for record in table.records {
      let tag = record.fields[tagIndex].trimmingCharacters(in: .whitespaces)
      guard !tag.isEmpty else { throw TableError(path: source, line: record.line, kind: .missingValue(column: "tag")) }
      guard !entries.contains(where: { $0.tag == tag }) else {
        throw TableError(path: source, line: record.line, kind: .duplicateTag(tag))
      }
      var text = record.fields[accuracyIndex].trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else {
        throw TableError(path: source, line: record.line, kind: .missingValue(column: "human_accuracy"))
      }
      let isPercent = text.hasSuffix("%")
      if isPercent { text.removeLast() }
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0, value <= 100 else {
        throw TableError(
          path: source, line: record.line,
          kind: .invalidNumber(
            column: "human_accuracy", value: record.fields[accuracyIndex],
            expected: "an accuracy (a fraction 0...1, or a percent 0...100)"))
      }
      entries.append((tag, value, isPercent))
    }
    let barePercents = entries.contains { !$0.isPercent && $0.value > 1 }
    self.init(
      source: source,
      accuracies: Dictionary(
        uniqueKeysWithValues: entries.map { entry in
          (entry.tag, entry.isPercent || barePercents ? entry.value / 100 : entry.value)
        }))
  }
}
