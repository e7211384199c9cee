import AugmentCore
import Foundation

/// The real members of a slice as points in realism-feature space: what the ``RealismGate`` tests each
/// candidate against and what the run's two-sample test compares accepted samples with.
///
/// Members are measured once, before the run. With fewer than ``RealismManifold/minimumMembers``
/// readable members there is no manifold: the run says so in a note and judges realism by the recipe's
/// ranges and the remaining rules only, and `summary.json` records realism as not measured.
public struct RealismReference: Sendable {
  public let names: [String]
  let resolutions: [Double]
  /// The members' table ids and raw feature vectors, in the order measured.
  public let memberIDs: [String]
  public let memberFeatures: [[Double]]
  /// `nil` below the minimum member count.
  let scaling: FeatureScaling?
  let manifold: RealismManifold?
  let notes: [String]

  init<Media>(slice: String, members: [SourceExample], features: RealismFeatureSet<Media>, jobs: Int, load: @Sendable (SourceExample) throws -> Media) {
    names = features.names
    resolutions = features.resolutions
    let measured = MemberMeasurement.measure(members, jobs: jobs) { member in (member.id, features.measure(try load(member))) }
    let usable = measured.values.filter { $0.1.allSatisfy(\.isFinite) }
    memberIDs = usable.map(\.0)
    memberFeatures = usable.map(\.1)
    var notes: [String] = []
    let unmeasurable = measured.values.count - usable.count
    if unmeasurable > 0 {
      notes.append("\(unmeasurable) real \(slice) member\(unmeasurable == 1 ? "" : "s") left out of realism: a feature could not be measured")
    }
    if usable.count >= RealismManifold.minimumMembers {
      let scaling = FeatureScaling(fitting: memberFeatures, minimumSpreads: resolutions)
      self.scaling = scaling
      manifold = RealismManifold(members: memberFeatures.map(scaling.standardise))
    } else {
      scaling = nil
      manifold = nil
      notes.append(
        "realism not measured: \(usable.count) measurable real \(slice) member\(usable.count == 1 ? "" : "s"), fewer than "
          + "the \(RealismManifold.minimumMembers) the k-NN realism gate needs; realism uses the recipe's ranges only")
    }
    self.notes = notes
  }

  /// The candidate's features by name, in ``names`` order.
  func vector(_ features: [String: Double]) -> [Double]? {
    let values = names.compactMap { features[$0] }
    return values.count == names.count ? values : nil
  }

  var lines: [String] {
    guard let scaling else { return [] }
    return ["  realism gate: k-NN (k = \(RealismManifold.neighbourCount)) over \(memberIDs.count) members on \(names.count) features"]
      + names.indices.map { "    \(names[$0]): median \(Verdict.format(scaling.centres[$0])), spread \(Verdict.format(scaling.spreads[$0]))" }
  }
}
