import AugmentCore

/// Realism: the candidate lies inside the k-nearest-neighbour ball of at least one real member of the
/// slice, in standardised realism-feature space (``RealismManifold``, improved precision of
/// Kynkäänniemi et al. 2019).
///
/// The verdict's value is the smallest ratio of the candidate's distance to a member over that
/// member's radius (at most 1 passes); it names the nearest member and carries every feature, so a
/// rejected candidate shows which feature sits where no member does. A feature that cannot be measured
/// on the candidate (loudness of a clip under 0.1 s) cannot be measured on any candidate from its
/// source: the gate throws ``SourceUnusable``.
struct RealismGate<Media: Sendable>: ChecklistRule {
  static var name: String { "realism-knn" }
  let reference: RealismReference
  let scaling: FeatureScaling
  let manifold: RealismManifold
  let measure: @Sendable (Media) -> [Double]
  var name: String { Self.name }

  init?(reference: RealismReference, measure: @escaping @Sendable (Media) -> [Double]) {
    guard let scaling = reference.scaling, let manifold = reference.manifold else { return nil }
    self.reference = reference
    self.scaling = scaling
    self.manifold = manifold
    self.measure = measure
  }

  func evaluate(_ sample: CandidateSample<Media>) throws -> Verdict {
    let features = measure(sample.candidate)
    let unmeasured = reference.names.indices.filter { !features[$0].isFinite }.map { reference.names[$0] }
    guard unmeasured.isEmpty else {
      throw SourceUnusable(
        rule: name, reason: "a realism feature cannot be measured on this source",
        detail: unmeasured.joined(separator: ", "))
    }
    let membership = manifold.membership(of: scaling.standardise(features))
    let nearest = reference.members.members[membership.nearest].id
    var verdict = Verdict(
      rule: name, kind: .realism, value: membership.ballRatio, maximum: 1,
      what: "distance to the nearest real member's neighbourhood (k-NN ball; nearest member \(nearest))",
      failure: "no real member of the slice has neighbours this far out in \(Self.farthest(features, scaling, names: reference.names))")
    verdict.nearestMember = nearest
    verdict.features = Dictionary(uniqueKeysWithValues: zip(reference.names, features))
    verdict.measure = "knn-k\(RealismManifold.neighbourCount)"
    return verdict
  }

  /// The features furthest from the members' medians, in spreads, as "name value (z spreads)".
  static func farthest(_ features: [Double], _ scaling: FeatureScaling, names: [String]) -> String {
    let z = scaling.standardise(features)
    return z.indices.sorted { abs(z[$0]) > abs(z[$1]) }.prefix(2)
      .map { "\(names[$0]) \(Verdict.format(features[$0])) (\(Verdict.format(z[$0])) spreads from the members' median)" }
      .joined(separator: " and ")
  }
}
