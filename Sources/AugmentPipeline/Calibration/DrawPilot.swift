import AugmentCore

/// What a parameter does to its counterpart feature on this dataset's sources, measured before a run: the
/// map a quantile-matched draw inverts (``QuantileMatch``).
///
/// The whole recipe makes a candidate from each of ``sourceCount`` sources (spread evenly through the
/// eligible rows) at each of ``gridCount`` values spanning the parameter's range; every other draw comes
/// from the sample stream of ``seed`` for that source, so the candidates of one source differ only in the
/// parameter. Each candidate is measured by the realism feature code the gate uses. The map is the
/// monotone fit (``MonotoneMap/init(fitting:at:)``) of the median measurement at each value: measured, not
/// assumed, because what a parameter does to a blind measurement depends on the sources, the bank and the
/// rest of the chain (an active-speech SNR is not the blind SNR of the mix). A candidate that cannot be
/// made or measured is left out; a value none of whose candidates could be is left out of the fit.
struct DrawPilot: Sendable {
  static let sourceCount = 6
  static let gridCount = 7
  /// Fixed, so the map depends on the dataset and the recipe only, never on a run's seed or jobs.
  static let seed: UInt64 = 1

  /// How many sources candidates were made from.
  let sources: Int
  /// How many candidates were measured.
  let measured: Int
  /// The fit, when at least two grid values were measured.
  let map: MonotoneMap?

  /// The positions, among `count` eligible sources, of the pilot's sources: evenly spread, in table order.
  static func positions(among count: Int) -> [Int] {
    SliceDataset.evenlySpaced(Array(0..<count), limit: sourceCount)
  }

  /// The pilot's sources among the eligible `sources`.
  static func sources(_ sources: [SourceExample]) -> [SourceExample] {
    positions(among: sources.count).map { sources[$0] }
  }

  /// Measures `transform`'s counterpart parameter over `range` through the chain of `steps`.
  /// - Throws: what building a step throws (a missing bank), as building the run's steps would.
  init<Media: Sendable>(
    _ transform: any TransformDescriptor.Type, range: ParameterRange, steps: [TransformSpec], context: TransformContext,
    sources: [Media], measure: @escaping @Sendable (Media) -> Double, jobs: Int
  ) throws {
    let grid = (0..<Self.gridCount).map {
      range.lower + (range.upper - range.lower) * Double($0) / Double(Self.gridCount - 1)
    }
    var chains: [TransformChain<Media>] = []
    for value in grid {
      context.match(transform, with: .uniform(value...value))
      chains.append(TransformChain(transforms: try steps.map { try $0.makeStep(for: Media.self, in: context) }))
    }
    context.match(transform, with: nil)
    let pilotChains = chains
    let values = ParallelMap.map(grid.count * sources.count, jobs: jobs) { index -> Double? in
      let (value, source) = index.quotientAndRemainder(dividingBy: sources.count)
      var rng = Xoshiro256StarStar.forSample(seed: Self.seed, index: source)
      guard let (candidate, _) = try? pilotChains[value].apply(to: sources[source], using: &rng) else { return nil }
      let measurement = measure(candidate)
      return measurement.isFinite ? measurement : nil
    }
    let medians = grid.indices.map { value -> Double? in
      let measured = values[(value * sources.count)..<((value + 1) * sources.count)].compactMap { $0 }.sorted()
      return measured.isEmpty ? nil : EmpiricalQuantile.value(measured, at: 0.5)
    }
    let knots = grid.indices.filter { medians[$0] != nil }
    self.sources = sources.count
    measured = values.compactMap { $0 }.count
    map = knots.count >= 2 ? MonotoneMap(fitting: knots.map { medians[$0]! }, at: knots.map { grid[$0] }) : nil
  }
}
