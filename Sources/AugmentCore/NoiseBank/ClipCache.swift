/// The bookkeeping of a least-recently-used cache bounded by the bytes of the values it holds.
///
/// A plain value type with no locking: ``NoiseBank`` keeps it inside its mutex. Eviction scans for
/// the oldest entry, which is linear in the number of cached clips (a bank holds hundreds, not
/// millions, and evictions happen only when a new clip is decoded).
struct ClipCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private struct Entry: Sendable {
    var value: Value
    var bytes: Int
    var lastUse: UInt64
  }

  let capacity: Int
  private var entries: [Key: Entry] = [:]
  private var clock: UInt64 = 0
  private(set) var bytes = 0

  init(capacity: Int) { self.capacity = capacity }

  var count: Int { entries.count }

  /// The cached value, marked as just used.
  mutating func value(for key: Key) -> Value? {
    guard entries[key] != nil else { return nil }
    clock += 1
    entries[key]!.lastUse = clock
    return entries[key]!.value
  }

  func contains(_ key: Key) -> Bool { entries[key] != nil }

  /// Stores `value` as just used and evicts the least recently used entries until the total fits.
  /// A value larger than the whole capacity is not stored.
  mutating func insert(_ value: Value, bytes size: Int, for key: Key) {
    if let old = entries.removeValue(forKey: key) { bytes -= old.bytes }
    guard size <= capacity else { return }
    while bytes + size > capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
      bytes -= oldest.value.bytes
      entries.removeValue(forKey: oldest.key)
    }
    clock += 1
    entries[key] = Entry(value: value, bytes: size, lastUse: clock)
    bytes += size
  }
}
