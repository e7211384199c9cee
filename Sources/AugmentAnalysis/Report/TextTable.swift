/// A plain-text table with aligned columns, for terminals and logs (no colour, no box drawing).
struct TextTable {
  enum Alignment {
    case left, right
  }

  struct Column {
    var title: String
    var alignment: Alignment
  }

  var columns: [Column]
  var rows: [[String]] = []

  init(_ columns: [(String, Alignment)]) {
    self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table with two spaces between columns, each line indented by `indent`, trailing spaces removed.
  func render(indent: String = "  ") -> String {
    let all = [columns.map(\.title)] + rows
    let widths = columns.indices.map { index in all.map { $0[index].count }.max() ?? 0 }
    return all.map { cells in
      let padded = columns.indices.map { index in
        let padding = String(repeating: " ", count: widths[index] - cells[index].count)
        return columns[index].alignment == .left ? cells[index] + padding : padding + cells[index]
      }
      let line = indent + padded.joined(separator: "  ")
      return String(line.reversed().drop { $0 == " " }.reversed())
    }.joined(separator: "\n")
  }
}
