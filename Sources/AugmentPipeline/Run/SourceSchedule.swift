import AugmentCore
import Synchronization

/// Which eligible source each sample of a run starts from, as a pure function of the seed and the sample index.
///
/// Sources are grouped into strata (one per label, per value of a column, or a single stratum). The run walks an
/// endless sequence of *epochs* of `count` samples; each epoch uses every source exactly once, so no source is
/// used twice before every one has been used once. Within an epoch the strata are interleaved so that after any
/// number of samples `t`, stratum `k` has had `t·nₖ/N` of them to within one: its `j`-th use must fall in the
/// window `[j·N/nₖ, (j+1)·N/nₖ)`, and the slots go to released strata earliest deadline first (Tijdeman's
/// solution of the chairman assignment problem, 1980), equal deadlines in a seeded order. Both that order and
/// which source of a stratum fills each of its slots are drawn afresh for each epoch, so consecutive epochs
/// differ even when every stratum holds one source (a speech table whose every transcript is its own label).
///
/// A sample whose source is given up tries others of the same label first, so fallbacks keep the label counts the
/// schedule plans (``source(forSample:try:)``); with `--balance label` the strata are the labels themselves.
///
/// Nothing depends on the order of the table: strata are sorted by name and each stratum's sources by a sort key
/// (the path) before shuffling, so a table sorted by label and the same table shuffled give the same schedule.
/// Every draw comes from xoshiro256** (never `Hasher`), so the schedule is the same in every process, job and shard.
public struct SourceSchedule: Sendable {
  private struct Slot: Sendable {
    var stratum: Int
    /// The slot's place among its stratum's slots in the epoch.
    var rank: Int
  }

  /// One pass over every source.
  private struct Epoch: Sendable {
    var slots: [Slot]
    /// Each stratum's sources in the order this epoch uses them.
    var orders: [[Int]]
    /// For a stratum whose sources have more than one label, the rank after each rank (cyclically) whose source has
    /// the same label; empty for a stratum of one label, where that is simply the next rank.
    var nextRankOfLabel: [[Int]]
    /// The slot after each slot (cyclically) whose source has the same label; empty unless a label spans strata.
    var nextSlotOfLabel: [Int]
  }

  /// The source indices of each stratum in base order (by sort key).
  private let members: [[Int]]
  /// The strata's names, sorted (bytewise UTF-8).
  public let strata: [String]
  /// Each source's label, numbered: only equality matters.
  private let labelOf: [Int]
  /// How many sources share each source's label, and how many of those are in its stratum too.
  private let labelSize: [Int]
  private let labelSizeInStratum: [Int]
  /// Whether some label has sources in more than one stratum (a balance by a column or by nothing).
  private let labelsSpanStrata: Bool
  private let seed: UInt64
  /// The epochs drawn most recently: a run and each of its shards walk the indices in increasing order, so a few
  /// are enough, and memory stays bounded however many samples a run makes.
  private let recent = RecentEpochs()

  /// The number of sources: the length of one epoch.
  public let count: Int

  /// - Parameters:
  ///   - strata: the stratum (label, column value, or one shared name) of each source, by source index.
  ///   - labels: each source's label, which fallbacks keep; `nil` when the strata are the labels.
  ///   - sortKeys: a key per source fixing its base order within its stratum; equal keys keep the given order.
  /// - Precondition: at least one source, and one label (when given) and one sort key per source.
  public init(strata keys: [String], labels: [String]? = nil, sortKeys: [String], seed: UInt64) {
    precondition(!keys.isEmpty && keys.count == sortKeys.count, "a schedule needs sources, each with a sort key")
    precondition(labels == nil || labels!.count == keys.count, "one label per source")
    let names = Set(keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    var grouped = Array(repeating: [Int](), count: names.count)
    for (source, key) in keys.enumerated() { grouped[position[key]!].append(source) }
    members = grouped.map { group in
      group.sorted { a, b in
        sortKeys[a] == sortKeys[b] ? a < b : sortKeys[a].utf8.lexicographicallyPrecedes(sortKeys[b].utf8)
      }
    }
    strata = names
    count = keys.count
    self.seed = seed
    var labelNumbers: [String: Int] = [:]
    let label = (labels ?? keys).map { label in
      if let number = labelNumbers[label] { return number }
      labelNumbers[label] = labelNumbers.count
      return labelNumbers.count - 1
    }
    let pairs = keys.indices.map { Pair(stratum: position[keys[$0]]!, label: label[$0]) }
    let sizes = Dictionary(label.map { ($0, 1) }, uniquingKeysWith: +)
    let sizesInStratum = Dictionary(pairs.map { ($0, 1) }, uniquingKeysWith: +)
    labelOf = label
    labelSize = label.map { sizes[$0]! }
    labelSizeInStratum = pairs.map { sizesInStratum[$0]! }
    labelsSpanStrata = sizesInStratum.count > sizes.count
  }

  private struct Pair: Hashable {
    var stratum: Int
    var label: Int
  }

  /// The sources that samples `0 ..< samples` may start from or fall back to, trying up to `tries` each:
  /// every source once the samples fill an epoch.
  public func sourcesReached(samples: Int, tries: Int) -> Set<Int> {
    guard samples < count else { return Set(0..<count) }
    var reached = Set<Int>()
    for index in 0..<samples {
      for attempt in 0..<min(tries, count) { reached.insert(source(forSample: index, try: attempt)) }
    }
    return reached
  }

  /// The source (an index into the list the schedule was built for) that sample `index` uses on try `attempt`.
  ///
  /// Try 0 is the sample's slot. A later try (after an unreadable source, or every candidate rejected) keeps the
  /// label of the sample's first source while any source of that label is left: first the next sources of the same
  /// stratum and label in the epoch, then those of the label in other strata, in the order of the following slots.
  /// Only once the label has no other source (a label with a single clip, such as a transcript) does it take the
  /// sources of the following slots of other labels. So every try meets a new source while there is one, and the
  /// samples made of each label are those planned, unless a label runs out of sources. With `--balance label`
  /// stratum and label coincide: the fallbacks are the next sources of the stratum, then the following slots'.
  public func source(forSample index: Int, try attempt: Int = 0) -> Int {
    precondition(index >= 0 && attempt >= 0, "sample indices and tries are non-negative")
    let epoch = epoch(of: index)
    let start = index % count
    let slot = epoch.slots[start]
    let order = epoch.orders[slot.stratum]
    let planned = order[slot.rank]
    let step = attempt % count
    if step < labelSizeInStratum[planned] {
      let links = epoch.nextRankOfLabel[slot.stratum]
      var rank = slot.rank
      for _ in 0..<step { rank = links.isEmpty ? (rank + 1) % order.count : links[rank] }
      return order[rank]
    }
    let label = labelOf[planned]
    if step < labelSize[planned] {
      // The label's slots in other strata: there are labelSize − labelSizeInStratum of them.
      var remaining = step - labelSizeInStratum[planned] + 1
      var position = start
      while true {
        position = epoch.nextSlotOfLabel[position]
        let other = epoch.slots[position]
        guard other.stratum != slot.stratum else { continue }
        remaining -= 1
        if remaining == 0 { return epoch.orders[other.stratum][other.rank] }
      }
    }
    // The slots of other labels: there are count − labelSize of them.
    var remaining = step - labelSize[planned] + 1
    var position = start
    while true {
      position = (position + 1) % count
      let other = epoch.slots[position]
      let source = epoch.orders[other.stratum][other.rank]
      guard labelOf[source] != label else { continue }
      remaining -= 1
      if remaining == 0 { return source }
    }
  }

  /// The stratum of sample `index`'s source.
  public func stratum(ofSample index: Int) -> String {
    strata[epoch(of: index).slots[index % count].stratum]
  }

  private func epoch(of index: Int) -> Epoch {
    let number = index / count
    return recent.epochs.withLock { epochs in
      if let epoch = epochs[number] { return epoch }
      let epoch = Self.epoch(
        number, members: members, names: strata, labelOf: labelOf, labelsSpanStrata: labelsSpanStrata, seed: seed)
      if epochs.count >= RecentEpochs.capacity, let oldest = epochs.keys.min() { epochs[oldest] = nil }
      epochs[number] = epoch
      return epoch
    }
  }

  private final class RecentEpochs: Sendable {
    static let capacity = 4
    let epochs = Mutex<[Int: Epoch]>([:])
  }

  /// Epoch `number`: its slot pattern, equal deadlines going to strata in a seeded order, and each stratum's
  /// sources shuffled (Fisher–Yates) by a stream seeded with the run's seed, the stratum's name and the epoch.
  private static func epoch(
    _ number: Int, members: [[Int]], names: [String], labelOf: [Int], labelsSpanStrata: Bool, seed: UInt64
  ) -> Epoch {
    var priorityStream = stream(seed: seed, parts: [FNV1a.hash64("stratum-priority"), UInt64(number)])
    let priority = shuffled(Array(names.indices), using: &priorityStream)
    let slots = interleave(sizes: members.map(\.count), priority: priority)
    let orders = members.indices.map { stratum in
      var stream = stream(seed: seed, parts: [FNV1a.hash64(names[stratum]), UInt64(number)])
      return shuffled(members[stratum], using: &stream)
    }
    return Epoch(
      slots: slots, orders: orders,
      nextRankOfLabel: orders.map { order in
        let labels = order.map { labelOf[$0] }
        return labels.allSatisfy { $0 == labels[0] } ? [] : nextOfSameValue(labels)
      },
      nextSlotOfLabel: labelsSpanStrata ? nextOfSameValue(slots.map { labelOf[orders[$0.stratum][$0.rank]] }) : [])
  }

  /// For each position of `values`, the next position (cyclically) holding the same value; itself when none does.
  private static func nextOfSameValue(_ values: [Int]) -> [Int] {
    var next = Array(repeating: 0, count: values.count)
    var seen: [Int: Int] = [:]
    // Walking backwards twice round, the later lap records for the earlier one each value's nearest later position.
    for position in (0..<2 * values.count).reversed() {
      let index = position % values.count
      if position < values.count { next[index] = seen[values[index]]! % values.count }
      seen[values[index]] = position
    }
    return next
  }

  private static func shuffled(_ values: [Int], using stream: inout Xoshiro256StarStar) -> [Int] {
    var values = values
    for last in values.indices.dropFirst().reversed() {
      values.swapAt(last, stream.index(below: last + 1))
    }
    return values
  }

  /// A generator for one purpose of one run: the seed and each part folded in through SplitMix64.
  private static func stream(seed: UInt64, parts: [UInt64]) -> Xoshiro256StarStar {
    var state = seed ^ FNV1a.hash64("source-schedule")
    for part in parts {
      var mixer = SplitMix64(seed: state ^ part)
      state = mixer.next()
    }
    return Xoshiro256StarStar(seed: state)
  }

  /// One epoch's slots: stratum `k` (of `sizes[k]` sources, `N` in all) is released for its `j`-th slot once
  /// `t·nₖ > j·N` and due by `t = (j+1)·N/nₖ`; each slot goes to the released stratum due first, equal deadlines
  /// to the lower `priority` (a seeded order, so no stratum always leads).
  private static func interleave(sizes: [Int], priority: [Int]) -> [Slot] {
    let total = sizes.reduce(0, +)
    var used = Array(repeating: 0, count: sizes.count)
    // Deadlines and release times are fractions `numerator/sizes[k]`, compared by cross-multiplying.
    var released = MinHeap<Int> { a, b in
      let (left, right) = ((used[a] + 1) * sizes[b], (used[b] + 1) * sizes[a])
      return left != right ? left < right : priority[a] < priority[b]
    }
    var waiting = MinHeap<Int> { a, b in used[a] * sizes[b] < used[b] * sizes[a] }
    for stratum in sizes.indices { released.insert(stratum) }
    var slots: [Slot] = []
    slots.reserveCapacity(total)
    for t in 1...total {
      while let next = waiting.min, used[next] * total < t * sizes[next] {
        released.insert(waiting.removeMin())
      }
      // Some stratum is always released: the uses so far, t − 1, are fewer than Σ t·nₖ/N = t.
      let stratum = released.removeMin()
      slots.append(Slot(stratum: stratum, rank: used[stratum]))
      used[stratum] += 1
      if used[stratum] < sizes[stratum] { waiting.insert(stratum) }
    }
    return slots
  }
}
