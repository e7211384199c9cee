import Dispatch
import Foundation
import Synchronization

/// Runs one piece of work per input on a fixed number of threads and times the whole run.
///
/// The same pattern as the slice runner's `ParallelMap`: threads take the next index from a shared
/// counter, so a slow file never leaves a core idle. The first error stops every thread and is rethrown.
/// One untimed warm-up call on the first input comes first, as the peers' scripts make one: the
/// figures are throughput, not start-up.
enum ParallelFiles {
  struct Timing {
    /// Wall-clock seconds for all inputs.
    var seconds: Double
    /// Processor seconds (user and system, all threads) for all inputs: less sensitive than the wall
    /// clock to other work on the machine.
    var cpuSeconds: Double
    /// The call durations `body` returned, in milliseconds, in no particular order.
    var callMilliseconds: [Double]
  }

  /// Calls `body` for each index in `0..<count` on `jobs` threads. `body` may return the duration of
  /// the part of its work that is being compared on its own (a metric call), in milliseconds.
  static func run(count: Int, jobs: Int, _ body: @Sendable (Int) throws -> Double?) throws -> Timing {
    let next = Atomic<Int>(0)
    let durations = Mutex<[Double]>([])
    let failure = Mutex<(any Error)?>(nil)
    if count > 0 { _ = try body(0) }
    let cpuStart = ProcessUsage.cpuSeconds()
    let clock = ContinuousClock()
    let start = clock.now
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
      while failure.withLock({ $0 == nil }) {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        do {
          if let milliseconds = try body(index) { durations.withLock { $0.append(milliseconds) } }
        } catch {
          failure.withLock { $0 = $0 ?? error }
        }
      }
    }
    let seconds = (clock.now - start).seconds
    let cpuSeconds = ProcessUsage.cpuSeconds() - cpuStart
    if let error = failure.withLock({ $0 }) { throw error }
    return Timing(seconds: seconds, cpuSeconds: cpuSeconds, callMilliseconds: durations.withLock { $0 })
  }

  /// Milliseconds taken by `work`, and its result.
  static func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try work()
    return (result, (clock.now - start).seconds * 1000)
  }
}

extension Duration {
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) * 1e-18
  }
}

extension [Double] {
  /// The middle value (the mean of the two middle values for an even count); nil when empty.
  var median: Double? {
    guard !isEmpty else { return nil }
    let sorted = self.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
