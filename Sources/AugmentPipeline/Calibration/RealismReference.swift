import AugmentCore
import Foundation

/// The real members of a slice as points in realism-feature space: what the ``RealismGate`` tests each
/// candidate against and what the run's two-sample test compares accepted samples with.
///
/// Members are measured once, before the run. With fewer than ``RealismManifold/minimumMembers``
/// readable members there is no manifold: the run says so in a note and judges realism by the recipe's
/// ranges and the remaining rules only, and `summary.json` records realism as not measured.
public struct RealismReference: Sendable {
  /// The measurable members' table ids and raw feature values, in the order measured.
  public let members: RealismMembers
  let resolutions: [Double]
  /// `nil` below the minimum member count.
  let scaling: FeatureScaling?
  let manifold: RealismManifold?
  let notes: [String]

  init<Media>(slice: String, members: [SourceExample], features: RealismFeatureSet<Media>, jobs: Int, load: @Sendable (SourceExample) throws -> Media) {
    resolutions = features.resolutions
    let measured = MemberMeasurement.measure(members, jobs: jobs) { member in (member.id, features.measure(try load(member))) }
    let usable = measured.values.filter { $0.1.allSatisfy(\.isFinite) }
    self.members = RealismMembers(features: features.names, members: usable.map { .init(id: $0.0, values: $0.1) })
    let memberFeatures = self.members.values
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

  /// The feature names, in the order of each member's values.
  public var names: [String] { members.features }

  var lines: [String] {
    guard let scaling else { return [] }
    return ["  realism gate: k-NN (k = \(RealismManifold.neighbourCount)) over \(members.members.count) members on \(names.count) features"]
      + names.indices.map { "    \(names[$0]): median \(Verdict.format(scaling.centres[$0])), spread \(Verdict.format(scaling.spreads[$0]))" }
  }
}
