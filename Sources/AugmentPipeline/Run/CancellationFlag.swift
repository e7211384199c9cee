import Synchronization

/// Set from a signal handler; the runner checks it between batches, finishes the files it is
/// writing, and stops with a manifest that `--resume` continues from.
public final class CancellationFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public func cancel() { flag.store(true, ordering: .relaxed) }

  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
