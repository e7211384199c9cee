import Foundation

/// How many new samples to make for which slice: what `augment plan` writes and the slice run executes.
///
/// ## JSON schema (`plan.json`)
/// ```
/// {
///   "budget": 500,                         // the number of samples asked for; entries' counts add up to it
///   "analysis": "analysis.json",           // the report the plan was made from ("-" for standard input)
///   "entries": [{"slice": "car-noise", "count": 105, "potentialGain": 0.0016,
///                "reason": "potential gain 0.16% of 0.76% in total: 21.1% of the budget"}],
///   "skipped": [{"slice": "low-bandwidth", "reason": "no gap to HLP: ..."}]
/// }
/// ```
/// Entries and skipped slices are in the analysis's rank order.
public struct AugmentationPlan: Codable, Equatable, Sendable {
  /// One slice to augment.
  public struct Entry: Codable, Equatable, Sendable {
    public var slice: String
    public var count: Int
    /// The gain the share of the budget is proportional to (weighted for a weighted analysis).
    public var potentialGain: Double
    public var reason: String

    public init(slice: String, count: Int, potentialGain: Double, reason: String) {
      self.slice = slice
      self.count = count
      self.potentialGain = potentialGain
      self.reason = reason
    }
  }

  /// A slice left out, and why.
  public struct Skip: Codable, Equatable, Sendable {
    public var slice: String
    public var reason: String

    public init(slice: String, reason: String) {
      self.slice = slice
      self.reason = reason
    }
  }

  public var budget: Int
  public var analysis: String
  public var entries: [Entry]
  public var skipped: [Skip]

  public init(budget: Int, analysis: String, entries: [Entry], skipped: [Skip]) {
    self.budget = budget
    self.analysis = analysis
    self.entries = entries
    self.skipped = skipped
  }

  /// The plan as JSON with sorted keys.
  public func jsonData() throws -> Data {
    try JSONFormat.encode(self)
  }

  /// Reads a plan written by ``jsonData()``.
  public static func decode(from data: Data) throws -> AugmentationPlan {
    try JSONDecoder().decode(AugmentationPlan.self, from: data)
  }
}
