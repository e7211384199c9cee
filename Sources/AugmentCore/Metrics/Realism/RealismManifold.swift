/// The k-nearest-neighbour estimate of the real members' manifold behind improved precision
/// (Kynkäänniemi et al., "Improved precision and recall metric for assessing generative models",
/// NeurIPS 2019): each member's ball reaches its k-th nearest other member, and a candidate is realistic
/// when it lies inside at least one member's ball.
///
/// k is 3, as in the paper. The paper has thousands of members; a slice often has ten. With k = 3, a
/// ball reaches past the two closest other members, so a candidate between members of a cluster is
/// inside and one beyond the cluster's edge is outside; a smaller k makes the balls of a small sample
/// too tight (one neighbour can sit arbitrarily close), a larger one makes them cover most of the space.
/// ``minimumMembers`` is the fewest members the test is run on: below it the balls say little about the
/// distribution, and callers fall back to the recipe's ranges and say so.
///
/// No radius exceeds the members' median radius. With ten members, one odd member (a clip tagged with a
/// second slice, say) lies far from the rest, so its third neighbour is far too and its ball would cover
/// much of the space, admitting candidates like no member at all. The paper's realism score guards
/// against the same outliers by discarding the half of the balls with the largest radii; capping keeps
/// every member's neighbourhood but none larger than a typical one.
///
/// Distances are Euclidean between standardised feature vectors (``FeatureScaling``).
public struct RealismManifold: Sendable {
  /// The neighbour whose distance is a member's radius.
  public static let neighbourCount = 3
  /// The fewest members the manifold is built from: with k = 3 each ball then reaches past fewer than half
  /// of the other members, and a five-fold C2ST holds at least one member in every fold.
  public static let minimumMembers = 8

  /// The standardised members.
  public let members: [[Double]]
  /// Each member's radius: the distance to its k-th nearest other member.
  public let radii: [Double]

  /// Where a candidate lies relative to the members' balls.
  public struct Membership: Sendable, Equatable {
    /// The index of the member nearest to the candidate.
    public var nearest: Int
    /// The distance to that member, in standardised units.
    public var distance: Double
    /// The smallest ratio of the candidate's distance to a member over that member's radius: at most 1
    /// when the candidate lies inside some ball. It says how far out a rejected candidate lies.
    public var ballRatio: Double

    public var isInside: Bool { ballRatio <= 1 }
  }

  /// - Precondition: at least `neighbourCount + 1` members, all vectors of one length.
  public init(members: [[Double]]) {
    let k = Self.neighbourCount
    precondition(members.count > k, "a k-NN manifold with k = \(k) needs more than \(k) members")
    self.members = members
    let neighbourDistances = members.indices.map { i in
      members.indices.filter { $0 != i }.map { Self.distance(members[i], members[$0]) }.sorted()[k - 1]
    }
    let cap = EmpiricalQuantile.value(neighbourDistances.sorted(), at: 0.5)
    radii = neighbourDistances.map { min($0, cap) }
  }

  public func membership(of point: [Double]) -> Membership {
    var best = Membership(nearest: 0, distance: .infinity, ballRatio: .infinity)
    for (i, member) in members.enumerated() {
      let d = Self.distance(point, member)
      if d < best.distance { best.distance = d; best.nearest = i }
      // A zero radius (members that coincide) holds only points at distance zero.
      let ratio = radii[i] > 0 ? d / radii[i] : (d == 0 ? 0 : .infinity)
      best.ballRatio = min(best.ballRatio, ratio)
    }
    return best
  }

  static func distance(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "feature vectors of \(a.count) and \(b.count) values")
    var sum = 0.0
    for i in a.indices { sum += (a[i] - b[i]) * (a[i] - b[i]) }
    return sum.squareRoot()
  }
}
