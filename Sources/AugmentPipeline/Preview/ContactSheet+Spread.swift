extension ContactSheet {
  /// Which pairs the sheet shows: a spread from the lowest to the highest value of the run's telling
  /// measurement (blind SNR for audio, mean luminance for images), evenly through the sorted pairs so the
  /// median is among them; by sample index when no pair has the measurement. The first pairs by index would
  /// show only what the first sources happened to give.
  struct Spread {
    /// The rules the spread is taken over, the first one the records hold.
    static let rules = ["blind-snr-db", "mean-luminance"]

    let rule: String?
    let records: [ManifestRecord]

    init(_ accepted: [ManifestRecord], rows: Int) {
      rule = Self.rules.first { rule in accepted.contains { $0.checks[rule] != nil } }
      let sorted =
        if let rule {
          accepted.filter { $0.checks[rule]?.value.isFinite == true }
            .sorted { ($0.checks[rule]!.value, $0.index) < ($1.checks[rule]!.value, $1.index) }
        } else {
          accepted
        }
      records = Self.picks(count: sorted.count, rows: rows).map { sorted[$0] }
    }

    /// `rows` positions in `0..<count` from the first to the last at even steps (every position when
    /// `rows >= count`); an odd `rows` puts the median in the middle.
    static func picks(count: Int, rows: Int) -> [Int] {
      guard rows < count else { return Array(0..<count) }
      guard rows > 1 else { return rows == 1 ? [(count - 1) / 2] : [] }
      return (0..<rows).map { ($0 * (count - 1) + (rows - 1) / 2) / (rows - 1) }
    }

    /// `<id>  <rule> <value>`, the value rounded as the page rounds it.
    func label(of card: PreviewCard) -> String {
      guard let rule, let verdict = card.checks.first(where: { $0.rule == rule }) else { return card.title }
      return "\(card.title)  \(rule) \(PreviewNumber.format(verdict.value, for: rule))"
    }
  }
}
