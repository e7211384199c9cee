/// The rows of two tables matched by id, when both tables hold the same examples: the same ids, each once, with
/// the same label and tags on both sides. Only then can each slice and class be compared example by example.
struct TablePairing {
  /// Every example, in the order of the table before.
  let pairs: [(before: ErrorRow, after: ErrorRow)]

  /// The pairing of `before` with `after`, or why there is none (naming the first row or id that prevents it).
  static func pair(_ before: ErrorTable, _ after: ErrorTable) -> Result<TablePairing, Unpaired> {
    let beforeName = before.source.lastPathComponent, afterName = after.source.lastPathComponent
    var rowsByID: [[String: ErrorRow]] = []
    for (table, name) in [(before, beforeName), (after, afterName)] {
      var byID: [String: ErrorRow] = [:]
      for row in table.rows {
        guard let id = row.id, !id.isEmpty else {
          return .failure(Unpaired("\(name), line \(row.line), has no id"))
        }
        if let first = byID[id] {
          return .failure(Unpaired("id \(id) is on lines \(first.line) and \(row.line) of \(name)"))
        }
        byID[id] = row
      }
      rowsByID.append(byID)
    }
    let onlyBefore = before.rows.count(where: { rowsByID[1][$0.id!] == nil })
    let onlyAfter = after.rows.count(where: { rowsByID[0][$0.id!] == nil })
    guard onlyBefore == 0 && onlyAfter == 0 else {
      let shared = before.rows.count - onlyBefore
      return .failure(
        Unpaired(
          "the tables share \(shared) ids; \(onlyBefore) only in \(beforeName), \(onlyAfter) only in \(afterName)"))
    }
    var pairs: [(before: ErrorRow, after: ErrorRow)] = []
    pairs.reserveCapacity(before.rows.count)
    for row in before.rows {
      let other = rowsByID[1][row.id!]!
      if row.label != other.label {
        return .failure(Unpaired("id \(row.id!) is labelled '\(row.label)' in \(beforeName) but '\(other.label)' in \(afterName)"))
      }
      if Set(row.tags) != Set(other.tags) {
        return .failure(Unpaired("id \(row.id!) has other tags in \(afterName) than in \(beforeName)"))
      }
      pairs.append((row, other))
    }
    return .success(TablePairing(pairs: pairs))
  }

  /// Why two tables are not paired.
  struct Unpaired: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
  }

  /// The outcomes of the examples `belongs` admits (judged on the row before; both sides agree on labels and tags).
  func outcomes(where belongs: (ErrorRow) -> Bool) -> PairedOutcomes {
    PairedOutcomes(pairs.filter { belongs($0.before) }.map { ($0.before.isCorrect, $0.after.isCorrect) })
  }
}
