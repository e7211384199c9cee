/// How a run asks the user's model about its candidates (`--model-cmd`, `--model-batch`,
/// `--model-timeout`, `--keep`).
public struct ModelSettings: Sendable, Equatable {
  /// A shell command line, started once per worker.
  public var command: String
  /// How many sample indices are made, scored and decided together.
  public var batch: Int
  /// The longest wait, in seconds, for the answers to one batch (and for the first after starting).
  public var timeout: Double
  public var keep: KeepPolicy

  public static let batchRange = 1...4096
  public static let defaultBatch = 32
  public static let defaultTimeout = 120.0

  public init(command: String, batch: Int = Self.defaultBatch, timeout: Double = Self.defaultTimeout, keep: KeepPolicy = .all) {
    self.command = command
    self.batch = batch
    self.timeout = timeout
    self.keep = keep
  }

  /// What a resumed run must share with the folder's run for its decisions to be the same.
  var identity: String { "keep \(keep), batch \(batch)" }
}
