/// What the realism gate recorded of one candidate in its `realism-knn` verdict: the table id of the
/// nearest real member and the candidate's realism features, read beside the record so the card can show
/// the member the candidate was judged against.
struct RecordRealism: Decodable, Equatable {
  /// The verdict's rule name in a record's `checks`.
  static let rule = "realism-knn"

  var nearestMember: String?
  /// Feature name → the candidate's value.
  var features: [String: Double]

  enum CodingKeys: String, CodingKey {
    case nearestMember = "nearest_member", features
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    nearestMember = try container.decodeIfPresent(String.self, forKey: .nearestMember)
    features = try container.decodeIfPresent([String: Double].self, forKey: .features) ?? [:]
  }
}

/// A record (a manifest or `rejected.jsonl` line) with its realism verdict's extra fields, from one decoding.
struct RecordWithRealism<Record: Decodable>: Decodable {
  let record: Record
  let realism: RecordRealism?

  private struct Checks: Decodable {
    let checks: [String: RecordRealism]?
  }

  init(from decoder: any Decoder) throws {
    record = try Record(from: decoder)
    realism = try Checks(from: decoder).checks?[RecordRealism.rule]
  }
}
