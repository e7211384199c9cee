import Foundation
import Synchronization

/// The user's model, started once per worker, and the scratch folder candidates are written to for it.
///
/// Candidates are scored before they are accepted, so they are written outside the run's folder (and
/// never into the dataset); the runner writes the kept ones to the run's folder itself.
public final class ModelScorer: Sendable {
  public let settings: ModelSettings
  /// Where candidates wait for their answers; removed by ``stop(graceful:)``.
  public let scratch: URL
  private let processes: [ModelProcess]
  private let busySeconds = Mutex(0.0)

  /// Starts `workers` copies of the command.
  public init(settings: ModelSettings, workers: Int) throws {
    self.settings = settings
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "augment-candidates-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    } catch {
      throw RunError.cannotWrite(scratch.path, reason: error.localizedDescription)
    }
    var started: [ModelProcess] = []
    do {
      for _ in 0..<max(1, workers) { started.append(try ModelProcess(command: settings.command)) }
    } catch {
      started.forEach { $0.stop(graceful: false) }
      try? FileManager.default.removeItem(at: scratch)
      throw error
    }
    processes = started
  }

  /// The model's answers to `requests`, in their order. The requests are shared out over the workers'
  /// processes in contiguous runs; each answer is matched to its request by id.
  public func answers(_ requests: [ModelRequest]) throws -> [ModelAnswer] {
    guard !requests.isEmpty else { return [] }
    let start = Date()
    defer { busySeconds.withLock { $0 += Date().timeIntervalSince(start) } }
    let share = (requests.count + processes.count - 1) / processes.count
    let parts = stride(from: 0, to: requests.count, by: share).map { Array(requests[$0..<min($0 + share, requests.count)]) }
    let results = ParallelMap.map(parts.count, jobs: parts.count) { part in
      Result { try self.answers(parts[part], from: self.processes[part]) }
    }
    return try results.flatMap { try $0.get() }
  }

  private func answers(_ requests: [ModelRequest], from process: ModelProcess) throws -> [ModelAnswer] {
    let labels = Dictionary(requests.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    var found: [String: ModelAnswer] = [:]
    for line in try process.exchange(requests, timeout: settings.timeout) {
      let (id, answer) = try ModelAnswer.parse(line, command: settings.command) { found[$0] == nil ? labels[$0] : nil }
      found[id] = answer
    }
    return requests.map { found[$0.id]! }
  }

  /// Seconds spent waiting for answers so far, summed over batches (not over workers).
  public var modelSeconds: Double { busySeconds.withLock { $0 } }

  /// Ends every process and removes the scratch folder. `graceful` closes their input and waits a moment;
  /// otherwise (after an error) they are killed.
  public func stop(graceful: Bool) {
    processes.forEach { $0.stop(graceful: graceful) }
    try? FileManager.default.removeItem(at: scratch)
  }
}
