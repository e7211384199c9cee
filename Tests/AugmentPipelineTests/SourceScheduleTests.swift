import AugmentCore
import Testing

@testable import AugmentPipeline

@Suite struct SourceScheduleTests {
  /// Strata made of `sizes[k]` sources each, labelled `L0`, `L1`, …, with distinct paths.
  static func strata(_ sizes: [Int]) -> (keys: [String], paths: [String]) {
    var keys: [String] = [], paths: [String] = []
    for (stratum, size) in sizes.enumerated() {
      for member in 0..<size {
        keys.append("L\(stratum)")
        paths.append("clips/\(stratum)-\(member).wav")
      }
    }
    return (keys, paths)
  }

  /// Skewed, balanced, many-stratum and single-stratum compositions.
  static let compositions: [[Int]] = [[1], [7], [2, 1], [50, 1, 1], [15, 5, 6, 6, 5], [3, 3, 3, 3], [1, 2, 3, 5, 8, 13, 21, 34],
    Array(repeating: 1, count: 40), [100, 37, 2, 61, 9, 1, 1, 18]]

  @Test(arguments: compositions) func everySourceIsUsedOnceBeforeAnyTwice(sizes: [Int]) {
    let (keys, paths) = Self.strata(sizes)
    let schedule = SourceSchedule(strata: keys, sortKeys: paths, seed: 5)
    let n = keys.count
    for epoch in 0..<3 {
      let used = (epoch * n..<(epoch + 1) * n).map { schedule.source(forSample: $0) }
      #expect(used.sorted() == Array(0..<n), "epoch \(epoch) of \(sizes)")
    }
    if n >= 8 {
      let first = (0..<n).map { schedule.source(forSample: $0) }
      let second = (n..<2 * n).map { schedule.source(forSample: $0) }
      #expect(first != second, "consecutive epochs pair slots with other sources")
    }
  }

  @Test(arguments: compositions) func everyPrefixHoldsEachStratumsShareToWithinOne(sizes: [Int]) {
    let (keys, paths) = Self.strata(sizes)
    let n = keys.count
    for seed: UInt64 in [0, 1, 99] {
      let schedule = SourceSchedule(strata: keys, sortKeys: paths, seed: seed)
      var counts: [String: Int] = [:]
      var worst = 0.0
      for t in 1...(3 * n) {
        let source = schedule.source(forSample: t - 1)
        #expect(schedule.stratum(ofSample: t - 1) == keys[source])
        counts[keys[source], default: 0] += 1
        for (stratum, size) in sizes.enumerated() {
          worst = max(worst, abs(Double(counts["L\(stratum)", default: 0]) - Double(t * size) / Double(n)))
        }
      }
      #expect(worst < 1, "\(sizes), seed \(seed): a prefix strays \(worst) from its share")
    }
  }

  /// The same rows in label order and shuffled give the same source (by path) for every sample.
  @Test func tableOrderDoesNotMatter() {
    let (keys, paths) = Self.strata([15, 5, 6, 6, 5])
    var generator = Xoshiro256StarStar(seed: 3)
    var order = Array(keys.indices)
    for last in order.indices.dropFirst().reversed() { order.swapAt(last, generator.index(below: last + 1)) }
    #expect(order != Array(keys.indices))
    let sorted = SourceSchedule(strata: keys, sortKeys: paths, seed: 11)
    let shuffled = SourceSchedule(strata: order.map { keys[$0] }, sortKeys: order.map { paths[$0] }, seed: 11)
    for index in 0..<200 {
      #expect(paths[sorted.source(forSample: index)] == paths[order[shuffled.source(forSample: index)]])
    }
  }

  /// What a sample uses depends only on the seed and its index: not on the order indices are asked in (a run,
  /// a shard, a resumed run, or threads of `--jobs` that race), nor on which epochs happen to be kept drawn;
  /// another seed gives another order.
  @Test func aSampleDependsOnlyOnTheSeedAndItsIndex() {
    let (keys, paths) = Self.strata([4, 9, 2])
    let indices = Array(0..<300)
    let lookups = { (schedule: SourceSchedule) in
      indices.map { index in (0..<4).map { schedule.source(forSample: index, try: $0) } }
    }
    let forward = lookups(SourceSchedule(strata: keys, sortKeys: paths, seed: 8))
    let backward = SourceSchedule(strata: keys, sortKeys: paths, seed: 8)
    #expect(indices.reversed().map { index in (0..<4).map { backward.source(forSample: index, try: $0) } }.reversed() == forward)
    let sharded = SourceSchedule(strata: keys, sortKeys: paths, seed: 8)
    for shard in 0..<7 {
      for index in stride(from: shard, to: 300, by: 7) {
        #expect((0..<4).map { sharded.source(forSample: index, try: $0) } == forward[index])
      }
    }
    let threaded = SourceSchedule(strata: keys, sortKeys: paths, seed: 8)
    let raced = ParallelMap.map(indices.count, jobs: 4) { index in (0..<4).map { threaded.source(forSample: index, try: $0) } }
    #expect(raced == forward)
    #expect(lookups(SourceSchedule(strata: keys, sortKeys: paths, seed: 9)) != forward)
  }

  /// A fallback try keeps the sample's stratum while it has other sources, then moves to other strata: four
  /// tries always meet four different sources, the first `min(4, nₖ)` of them of the sample's own stratum.
  @Test(arguments: [[6, 3, 1], [1, 1, 1, 1, 1], [2, 9]])
  func fallbackTriesKeepTheStratumWhileItHasOtherSources(sizes: [Int]) {
    let (keys, paths) = Self.strata(sizes)
    let schedule = SourceSchedule(strata: keys, sortKeys: paths, seed: 2)
    for index in 0..<40 {
      let tries = (0..<4).map { schedule.source(forSample: index, try: $0) }
      let own = keys[tries[0]]
      let size = keys.filter { $0 == own }.count
      #expect(Set(tries).count == 4, "\(sizes), sample \(index): \(tries)")
      #expect(tries.prefix(min(4, size)).allSatisfy { keys[$0] == own })
      #expect(tries.dropFirst(min(4, size)).allSatisfy { keys[$0] != own })
    }
    // A single source has nothing to fall back to.
    let alone = SourceSchedule(strata: ["x"], sortKeys: ["a.wav"], seed: 2)
    #expect((0..<4).map { alone.source(forSample: 3, try: $0) } == [0, 0, 0, 0])
  }

  /// Sources as (stratum, label) pairs, e.g. speakers who each said some of the labels.
  static let mixed: [[(stratum: String, label: String)]] = [
    // --balance speaker: a speaker with one "no", one with none, one with only "no".
    [("anna", "yes"), ("anna", "yes"), ("anna", "no"), ("ben", "yes"), ("ben", "yes"), ("ben", "yes"), ("chen", "no"),
     ("chen", "no"), ("dee", "maybe")],
    // --balance none: one stratum of three labels, one of them a single source.
    [("", "yes"), ("", "no"), ("", "yes"), ("", "no"), ("", "yes"), ("", "rare"), ("", "no"), ("", "yes")],
  ]

  /// With strata that are not the labels (`--balance speaker` or `none`), a fallback keeps the planned source's
  /// label while any source of it is left: first those of the same stratum, then those of other strata, and only
  /// then other labels. Trying every source once, a sample meets each exactly once.
  @Test(arguments: mixed.indices) func fallbackTriesKeepTheLabelAcrossStrata(composition: Int) {
    let sources = Self.mixed[composition]
    let strata = sources.map(\.stratum), labels = sources.map(\.label)
    let schedule = SourceSchedule(
      strata: strata, labels: labels, sortKeys: sources.indices.map { "clip-\($0).wav" }, seed: 4)
    for index in 0..<(3 * sources.count) {
      let tries = (0..<sources.count).map { schedule.source(forSample: index, try: $0) }
      #expect(tries.sorted() == Array(sources.indices), "sample \(index): \(tries)")
      let planned = sources[tries[0]]
      let sameStratum = sources.filter { $0 == planned }.count
      let sameLabel = labels.filter { $0 == planned.label }.count
      #expect(tries.prefix(sameStratum).allSatisfy { sources[$0] == planned }, "sample \(index): \(tries)")
      #expect(
        tries.prefix(sameLabel).dropFirst(sameStratum).allSatisfy {
          labels[$0] == planned.label && strata[$0] != planned.stratum
        }, "sample \(index): \(tries)")
      #expect(tries.dropFirst(sameLabel).allSatisfy { labels[$0] != planned.label }, "sample \(index): \(tries)")
    }
  }
}
