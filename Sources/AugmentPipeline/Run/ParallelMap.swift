import Dispatch
import Synchronization

/// Maps `0..<count` on up to `jobs` threads, returning results in index order.
///
/// Threads take the next index from a shared counter, so uneven work (a slow file, a redraw) does not
/// leave cores idle; the order of results never depends on which thread finished first.
enum ParallelMap {
  static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let results = Mutex([T?](repeating: nil, count: count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        let value = body(index)
        results.withLock { $0[index] = value }
      }
    }
    return results.withLock { $0.map { $0! } }
  }
}
