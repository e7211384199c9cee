import Synchronization

/// The signal-length memory one STOI computation works in: both signals at 10 kHz, and the resampler's
/// scratch. Computations take a workspace from a shared pool and give it back, so repeated calls reuse
/// memory the process already has. Allocated afresh, buffers this large come from the kernel as new
/// zero-filled pages, each first touched through a page fault, which cost a short clip's STOI about as
/// much time as its correlations.
///
/// Each computation has its workspace to itself, so concurrent calls never share one; the pool holds at
/// most as many as have ever run at once. Buffers only grow and start out holding whatever the previous
/// computation left; each computation reads only what it has written.
struct STOIWorkspace {
  var clean: [Float] = []
  var processed: [Float] = []
  var scratch: [Float] = []

  /// A workspace grown past this many samples (a clip of several minutes) is dropped rather than pooled,
  /// so one long clip does not pin its memory for the life of the process.
  static let pooledSampleLimit = 1 << 22

  private static let pool = Mutex<[STOIWorkspace]>([])

  /// Runs `body` with a workspace of its own, returned to the pool afterwards.
  static func withPooled<Result>(_ body: (inout STOIWorkspace) throws -> Result) rethrows -> Result {
    var workspace = pool.withLock { $0.popLast() } ?? STOIWorkspace()
    defer {
      if workspace.clean.count + workspace.processed.count + workspace.scratch.count <= pooledSampleLimit {
        pool.withLock { $0.append(workspace) }
      }
    }
    return try body(&workspace)
  }
}

extension Array where Element == Float {
  /// Makes `count` at least `minimum`, keeping the existing elements (new ones are zero), so that a
  /// buffer reused across calls is allocated once at its largest size.
  mutating func grow(toAtLeast minimum: Int) {
    if count < minimum { append(contentsOf: repeatElement(0, count: minimum - count)) }
  }
}
