import AugmentCore
import Foundation

/// The real members of a slice as the realism gate measured them: each member's table id and feature
/// values. A run writes them to `realism-members.json` beside its summary, so the run-level two-sample
/// figure (``RealismFigure``) can be recomputed from the folder alone: by `merge`, which joins shards that
/// each measured the same members, and by anyone who wants to see what the candidates were judged against.
public struct RealismMembers: Sendable, Equatable, Codable {
  /// The feature names, in the order of every member's `values`.
  public var features: [String]
  public var members: [Member]

  public struct Member: Sendable, Equatable, Codable {
    /// The table id (the path when the row has none).
    public var id: String
    public var values: [Double]
  }

  /// The file a run (or shard K of N, `realism-members.shard-K-of-N.json`) writes them to.
  static let fileStem = "realism-members"

  /// Whether there are enough members for the k-NN gate and the two-sample figure.
  var areEnoughForTheGate: Bool { members.count >= RealismManifold.minimumMembers }

  /// Each member's values, in member order.
  public var values: [[Double]] { members.map(\.values) }

  /// Every member's value of one feature, in member order; empty for a feature not measured.
  func column(_ feature: String) -> [Double] {
    guard let index = features.firstIndex(of: feature) else { return [] }
    return members.map { $0.values[index] }
  }

  /// The candidate's features by name, in ``features`` order; `nil` when one is missing.
  func vector(_ named: [String: Double]) -> [Double]? {
    let values = features.compactMap { named[$0] }
    return values.count == features.count ? values : nil
  }

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }
}
