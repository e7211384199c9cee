/// The name a misspelt word most likely meant, for "did you mean" hints: recipe keys, command-line options,
/// subcommands and slice names all use this one measure, so they suggest alike.
public enum ClosestMatch {
  /// The closest of `candidates` to `word` (compared in lower case), when it is close enough to be what was meant:
  /// within a third of the word's length in edits, and always within two. `nil` when none is.
  public static func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
  }

  /// Levenshtein distance: insertions, deletions and substitutions of characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
