/// A recipe's checklist rules, evaluated together on one candidate.
struct Checklist<Media: Sendable>: Sendable {
  let rules: [any ChecklistRule<Media>]

  func evaluate(_ sample: CandidateSample<Media>) throws -> [Verdict] {
    try rules.map { try $0.evaluate(sample) }
  }
}
