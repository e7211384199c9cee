import AugmentCore

/// One card of the page: an accepted pair, or a rejected candidate, with the source it was made from and,
/// when the realism gate named one, the nearest real member of the slice.
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
  /// The numbers the page sorts and filters by: each check's value by rule, each numeric parameter as
  /// `transform.parameter`, each realism feature as `feature.name`, and the sample index.
  let values: [(name: String, value: Double)]

  init(accepted record: ManifestRecord, realism: RecordRealism?, members: RealMembers, locator: MediaLocator) {
    status = .accepted
    anchor = record.id
    title = record.id
    facts = [
      ("label", record.label), ("source", record.source), ("source id", record.sourceID),
      ("sample", "\(record.index)"), ("attempt", "\(record.attempt)"), ("seed", "\(record.seed)"),
      ("recipe", record.recipeHash), ("tool", record.toolVersion),
    ]
    media =
      [("source", locator.source(record.source)), ("made sample", locator.output(record.output))]
      + Self.nearest(realism, members)
    reason = nil
    transforms = record.transforms
    checks = record.checks.values.sorted { $0.rule < $1.rule }
    values = Self.values(index: record.index, transforms: record.transforms, checks: checks, realism: realism)
  }

  init(
    rejected record: RejectionRecord, candidate: PreviewMedia?, realism: RecordRealism?, members: RealMembers,
    locator: MediaLocator
  ) {
    status = .rejected
    anchor = "rejected-\(record.index)-\(record.attempt)"
    title = "sample \(record.index), attempt \(record.attempt)"
    facts = [
      ("failed", record.failed.joined(separator: ", ")), ("source", record.source),
      ("sample", "\(record.index)"), ("attempt", "\(record.attempt)"),
    ]
    media =
      [("source", locator.source(record.source))] + (candidate.map { [("rejected candidate", $0)] } ?? [])
      + Self.nearest(realism, members)
    reason = record.reason
    transforms = record.transforms
    checks = record.checks.values.sorted { $0.rule < $1.rule }
    values = Self.values(index: record.index, transforms: record.transforms, checks: checks, realism: realism)
  }

  /// The nearest real member the realism gate recorded, when it recorded one and the table still has it.
  private static func nearest(_ realism: RecordRealism?, _ members: RealMembers) -> [(String, PreviewMedia)] {
    guard let id = realism?.nearestMember, let member = members.member(id: id) else { return [] }
    return [("nearest real member \(id)", member.media)]
  }

  private static func values(
    index: Int, transforms: [AppliedTransform], checks: [Verdict], realism: RecordRealism?
  ) -> [(name: String, value: Double)] {
    var values: [(name: String, value: Double)] = [("sample", Double(index))]
    values += checks.map { ($0.rule, $0.value) }
    for transform in transforms {
      guard case .object(let parameters) = transform.parameters else { continue }
      for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
        switch value {
        case .number(let number): values.append(("\(transform.name).\(name)", number))
        case .integer(let number): values.append(("\(transform.name).\(name)", Double(number)))
        case .unsignedInteger(let number): values.append(("\(transform.name).\(name)", Double(number)))
        default: continue
        }
      }
    }
    values += (realism?.features ?? [:]).sorted { $0.key < $1.key }.map { ("feature.\($0.key)", $0.value) }
    return values.filter { $0.value.isFinite }
  }
}
