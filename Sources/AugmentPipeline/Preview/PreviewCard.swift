import AugmentCore

/// One card of the page: an accepted pair, or a rejected candidate shown with its source only.
struct PreviewCard {
  enum Status: String { case accepted, rejected }

  let status: Status
  /// The element id, unique in the page: the sample id, or `rejected-<index>-<attempt>`.
  let anchor: String
  let title: String
  /// Short labelled facts shown under the title, in order.
  let facts: [(name: String, value: String)]
  /// What the card shows side by side, with a caption each.
  let media: [(caption: String, media: PreviewMedia)]
  /// Why the candidate was rejected.
  let reason: String?
  let transforms: [AppliedTransform]
  /// Every checklist verdict, by rule name.
  let checks: [Verdict]

  init(accepted record: ManifestRecord, locator: MediaLocator) {
    status = .accepted
    anchor = record.id
    title = record.id
    facts = [
      ("label", record.label), ("source", record.source), ("source id", record.sourceID),
      ("sample", "\(record.index)"), ("attempt", "\(record.attempt)"), ("seed", "\(record.seed)"),
      ("recipe", record.recipeHash), ("tool", record.toolVersion),
    ]
    media = [("source", locator.source(record.source)), ("augmented", locator.output(record.output))]
    reason = nil
    transforms = record.transforms
    checks = record.checks.values.sorted { $0.rule < $1.rule }
  }

  init(rejected record: RejectionRecord, locator: MediaLocator) {
    status = .rejected
    anchor = "rejected-\(record.index)-\(record.attempt)"
    title = "sample \(record.index), attempt \(record.attempt)"
    facts = [
      ("failed", record.failed.joined(separator: ", ")), ("source", record.source),
      ("sample", "\(record.index)"), ("attempt", "\(record.attempt)"),
    ]
    media = [("source", locator.source(record.source))]
    reason = record.reason
    transforms = record.transforms
    checks = record.checks.values.sorted { $0.rule < $1.rule }
  }
}
