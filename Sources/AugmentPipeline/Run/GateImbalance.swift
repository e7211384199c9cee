import AugmentAnalysis
import Foundation

/// A label or group whose candidates the checklist accepted far less often than the rest's.
///
/// A group is flagged when all three hold:
/// - at least ``minimumPlanned`` samples were planned from its sources, and as many from the rest's: a group, not
///   one clip (a clip the gate never accepts is named in `skipped_sources`). The count is the schedule's, not the
///   gate's, so which groups are tested does not depend on what the gate did;
/// - its acceptance is below ``rateRatio`` (half) of the rest's: a difference large enough to change what the
///   model learns from, not a few points;
/// - a one-sided Fisher exact test (``FisherExactTest``) of "its rate is lower" gives p below ``alpha`` (0.01)
///   divided by the number of groups tested (Bonferroni), so a table of hundreds of speakers does not flag one
///   by chance.
/// The test treats candidates as independent; redraws of one source are alike, which makes p smaller than it
/// should be, and is why the threshold is strict and the rate must also halve.
public struct GateImbalance: Sendable, Equatable, Codable, CustomStringConvertible {
  /// `label`, or the `--group-column` the value belongs to.
  public var of: String
  public var value: String
  public var acceptance: Double
  public var candidates: Int
  /// The acceptance and candidates of every other label (or group) together.
  public var restAcceptance: Double
  public var restCandidates: Int
  /// The one-sided Fisher exact p-value, before the Bonferroni correction.
  public var pValue: Double
  /// How many labels (or groups) were tested: the p-value had to be below ``alpha`` divided by this.
  public var tested: Int

  public static let minimumPlanned = 5
  public static let rateRatio = 0.5
  public static let alpha = 0.01

  /// The groups of `table` that meet the criterion, by value (bytewise).
  static func find(in table: [String: GroupAcceptance], of dimension: String) -> [GateImbalance] {
    let made = table.values.map(\.made).reduce(0, +), candidates = table.values.map(\.candidates).reduce(0, +)
    let planned = table.values.map(\.planned).reduce(0, +)
    let tested = table.filter { $0.value.planned >= minimumPlanned && planned - $0.value.planned >= minimumPlanned }
    return tested.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap { value in
      let group = tested[value]!
      let restMade = made - group.made, restCandidates = candidates - group.candidates
      let rate = Double(group.made) / Double(group.candidates)
      let restRate = Double(restMade) / Double(restCandidates)
      guard rate < rateRatio * restRate else { return nil }
      let p = FisherExactTest.lowerTail(
        successes: group.made, trials: group.candidates, otherSuccesses: restMade, otherTrials: restCandidates)
      guard p < alpha / Double(tested.count) else { return nil }
      return GateImbalance(
        of: dimension, value: value, acceptance: rate, candidates: group.candidates, restAcceptance: restRate,
        restCandidates: restCandidates, pValue: p, tested: tested.count)
    }
  }

  public var description: String {
    let kind = of == "label" ? "labels" : "\(of) values"
    let name = value.isEmpty ? "(empty)" : value
    return "gate imbalance: \(of) “\(name)” had \(Self.percent(acceptance)) of its \(candidates) candidates accepted, "
      + "the other \(kind) \(Self.percent(restAcceptance)) of \(restCandidates) (one-sided Fisher exact p = "
      + "\(Self.format(pValue)) < \(Self.alpha)/\(tested), Bonferroni over the \(tested) \(kind) tested): the samples "
      + "planned from its sources come from fewer of them or from others'. Look at its rejections in rejected.jsonl "
      + "(augment preview shows them); fix or leave out such sources (--sources-where), or widen the rule that "
      + "turns them down"
  }

  private static func percent(_ rate: Double) -> String { String(format: "%.1f %%", rate * 100) }

  private static func format(_ p: Double) -> String {
    p < 0.0001 ? String(format: "%.1e", p) : String(format: "%.3g", p)
  }

  enum CodingKeys: String, CodingKey {
    case of, value, acceptance, candidates, tested
    case restAcceptance = "rest_acceptance", restCandidates = "rest_candidates", pValue = "p_value"
  }
}
