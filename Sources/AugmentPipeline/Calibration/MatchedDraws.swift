import AugmentCore

/// The draws of a recipe's parameters that have a measured counterpart (``CounterpartParameter``), matched
/// to the real members' distribution of it, and what `--dry-run` says of them.
///
/// For each such parameter (the first step of a transform decides for all its steps): the members'
/// values of the counterpart, the map from parameter to counterpart (measured by a ``DrawPilot``, or the
/// identity for a parameter that sets it exactly), and the ``QuantileMatch`` of the two, clamped to the
/// parameter's range, which the context then hands to every step of the transform it builds. A parameter
/// keeps its uniform draw over that range, with a note, when fewer than ``RealismManifold/minimumMembers``
/// members measure the counterpart, or when the pilot finds that the parameter barely moves it (less than
/// the feature's resolution across the whole range). A parameter fixed at one value is not drawn at all.
struct MatchedDraws: Sendable {
  /// One matched parameter.
  struct Match: Sendable {
    var transform: String
    var parameter: CounterpartParameter
    /// The members' counterpart values, ascending.
    var members: [Double]
    /// `nil` for an identity map.
    var pilot: DrawPilot?
    var draw: ParameterDraw
  }

  private(set) var matches: [Match] = []
  private(set) var notes: [String] = []
  /// Parameters left uniform, as `--dry-run` lists them.
  private var uniform: [String] = []

  /// Matches the counterpart parameters of `steps` and records their draws in `context`.
  /// - Parameters:
  ///   - memberValues: the real members' values of a counterpart feature.
  ///   - pilotSources: the loaded sources a pilot makes candidates from.
  /// - Throws: what building a step throws.
  init<Media: Sendable>(
    steps: [TransformSpec], context: TransformContext, slice: String, features: RealismFeatureSet<Media>,
    memberValues: (String) -> [Double], pilotSources: [Media], jobs: Int
  ) throws {
    var seen = Set<ObjectIdentifier>()
    for step in steps {
      let transform = type(of: step.settings)
      guard let parameter = step.settings.counterpart, seen.insert(ObjectIdentifier(transform)).inserted,
        parameter.range.lower < parameter.range.upper
      else { continue }
      let what = "\(transform.name) \(parameter.key)"
      let members = memberValues(parameter.feature).filter(\.isFinite).sorted()
      guard members.count >= RealismManifold.minimumMembers else {
        leaveUniform(
          what, parameter, because: "\(members.count) real \(slice) member\(members.count == 1 ? "" : "s") measure "
            + "\(parameter.feature), fewer than the \(RealismManifold.minimumMembers) a distribution is matched to")
        continue
      }
      var pilot: DrawPilot?
      let map: MonotoneMap
      switch parameter.mapping {
      case .identity:
        map = .identity(over: parameter.range.closed)
      case .pilot:
        guard let index = features.names.firstIndex(of: parameter.feature) else {
          preconditionFailure("\(what): \(parameter.feature) is not a realism feature")
        }
        let measure = features.measure
        let measured = try DrawPilot(
          transform, range: parameter.range, steps: steps, context: context, sources: pilotSources,
          measure: { measure($0)[index] }, jobs: jobs)
        pilot = measured
        let resolution = features.resolutions[index]
        guard let fitted = measured.map, fitted.span >= resolution else {
          leaveUniform(
            what, parameter,
            because: measured.map.map {
              "across it the pilot's \(parameter.feature) moves by \(Verdict.format($0.span)), under its resolution "
                + Verdict.format(resolution)
            } ?? "the pilot measured \(measured.measured) candidates, too few to map it")
          continue
        }
        map = fitted
      }
      let match = QuantileMatch(counterparts: members, map: map, range: parameter.range.closed)!
      let draw = ParameterDraw.quantileMatched(match)
      context.match(transform, with: draw)
      matches.append(Match(transform: transform.name, parameter: parameter, members: members, pilot: pilot, draw: draw))
    }
  }

  private mutating func leaveUniform(_ what: String, _ parameter: CounterpartParameter, because reason: String) {
    notes.append("\(what) drawn uniformly from \(parameter.range): \(reason)")
    uniform.append("  \(what) drawn uniformly from \(parameter.range) (not matched to the members: see notes)")
  }

  /// The quantiles `--dry-run` shows.
  static let shownQuantiles = [0.1, 0.5, 0.9]

  var lines: [String] {
    guard !matches.isEmpty || !uniform.isEmpty else { return [] }
    var lines = ["draws of parameters with a measured counterpart (quantiles 10 / 50 / 90 %):"]
    for match in matches {
      let members = Self.shownQuantiles.map { EmpiricalQuantile.value(match.members, at: $0) }
      let drawn = Self.shownQuantiles.map { match.draw.quantile($0) }
      lines.append(
        "  \(match.transform) \(match.parameter.key) ↔ \(match.parameter.feature): \(match.members.count) members "
          + Self.list(members))
      if let pilot = match.pilot, let map = pilot.map {
        let knots = zip(map.parameters, map.values).map { "\(Verdict.format($0)) → \(Verdict.format($1))" }
        lines.append(
          "    pilot map (\(pilot.measured) candidates, \(pilot.sources) sources × \(DrawPilot.gridCount) values): "
            + knots.joined(separator: ", "))
      } else {
        lines.append("    map: identity (the transform sets \(match.parameter.feature))")
      }
      lines.append("    \(match.parameter.key) drawn \(Self.list(drawn)), within \(match.parameter.range)")
    }
    return lines + uniform
  }

  private static func list(_ values: [Double]) -> String { values.map(Verdict.format).joined(separator: " / ") }
}
