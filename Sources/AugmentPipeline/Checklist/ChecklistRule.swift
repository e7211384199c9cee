import AugmentCore

/// What a checklist rule looks at: the source, the candidate made from it, and what was done.
public struct CandidateSample<Media: Sendable>: Sendable {
  public var source: SourceExample
  public var original: Media
  public var candidate: Media
  public var records: [AppliedTransform]

  public init(source: SourceExample, original: Media, candidate: Media, records: [AppliedTransform]) {
    self.source = source
    self.original = original
    self.candidate = candidate
    self.records = records
  }
}

/// One checklist question about a candidate. A rule measures the candidate itself rather than trusting
/// the parameters that were drawn, and returns the measurement with its bounds and a reason.
public protocol ChecklistRule<Media>: Sendable {
  associatedtype Media: Sendable
  /// The key of the rule's value in the manifest's `checks`, e.g. `stoi`.
  var name: String { get }
  func evaluate(_ sample: CandidateSample<Media>) throws -> Verdict
}
