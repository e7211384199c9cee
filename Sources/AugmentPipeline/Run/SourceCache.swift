import Synchronization

/// The sources a run has loaded, kept for the samples that start from them again.
///
/// A run of more samples than sources uses each source about `count / sources` times, and every candidate
/// made from a source compares with it (an image's SSIM reference is prepared on it once): keeping the
/// loaded source saves its decoding and those measurements on each later use. Sources are kept as they
/// are first loaded until the next would take the cache past ``capacity`` bytes
/// (``RunSettings/sourceCacheBytes``); from then on the kept ones stay and the others are loaded anew
/// each time. A ``SourceSchedule`` uses every source once before any twice, so keeping the first ones
/// serves about `capacity / (bytes of all sources)` of the loads from memory, where evicting the least
/// recently used would serve none once the sources outgrow the cache.
///
/// Loading a source is deterministic, so whether it came from the cache never changes a sample; only how
/// long it took.
final class SourceCache<Media: Sendable>: Sendable {
  /// The most bytes the kept sources may hold.
  let capacity: Int
  private let state = Mutex(State())

  private struct State: ~Copyable {
    var entries: [Int: Media] = [:]
    var bytes = 0
  }

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// The source at `index` of the run's list: the kept one, or what `load` returns, kept if it fits
  /// (`byteCount` says how much it holds). A source that fails to load is not kept, so it fails again.
  func media(forSource index: Int, byteCount: (Media) -> Int, load: () throws -> Media) throws -> Media {
    if let kept = state.withLock({ $0.entries[index] }) { return kept }
    let media = try load()
    let size = byteCount(media)
    state.withLock { state in
      guard state.entries[index] == nil, state.bytes + size <= capacity else { return }
      state.entries[index] = media
      state.bytes += size
    }
    return media
  }

  /// How many sources are kept, and the bytes they hold.
  var usage: (sources: Int, bytes: Int) { state.withLock { ($0.entries.count, $0.bytes) } }
}
