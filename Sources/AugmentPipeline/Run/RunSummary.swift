/// What a run did, written to `summary.json` and printed at the end.
public struct RunSummary: Sendable, Equatable, Codable {
  public var slice: String
  public var seed: UInt64
  public var shard: Shard?
  public var requested: Int
  /// Samples in the manifest, including those of earlier runs this one resumed.
  public var made: Int
  /// Samples made by this invocation.
  public var madeNow: Int
  /// Candidates the checklist turned down, by failing rule.
  public var rejectedByRule: [String: Int]
  /// Sources given up on after every redraw was rejected, or that could not be read, with the reason.
  public var skippedSources: [SkippedSource]
  /// Sample indices for which no source produced an acceptable candidate.
  public var failedIndices: [Int]
  /// True when the run was interrupted before reaching the requested count.
  public var interrupted: Bool
  public var seconds: Double
  public var samplesPerSecond: Double
  /// Notes on calibration (e.g. that realism fell back to recipe defaults) and on the weakness gate.
  public var notes: [String]
  /// Noise-bank clips that could not be read, each with the reason; absent when every clip was read.
  public var unreadableNoiseClips: [UnreadableFile]? = nil

  public struct UnreadableFile: Sendable, Equatable, Codable {
    public var path: String
    public var reason: String
  }

  public struct SkippedSource: Sendable, Equatable, Codable {
    public var source: String
    public var reason: String
    /// How many sample indices gave up on this source.
    public var times: Int
    /// True when the file could not be read at all (rather than every candidate made from it failing the checklist).
    public var unreadable: Bool
  }

  /// Whether the run made everything it was asked for from inputs it could read.
  public var isComplete: Bool {
    !interrupted && failedIndices.isEmpty && !skippedSources.contains(where: \.unreadable)
      && (unreadableNoiseClips ?? []).isEmpty
  }

  enum CodingKeys: String, CodingKey {
    case slice, seed, shard, requested, made, notes, interrupted, seconds
    case madeNow = "made_now", rejectedByRule = "rejected_by_rule", skippedSources = "skipped_sources"
    case failedIndices = "failed_indices", samplesPerSecond = "samples_per_second"
    case unreadableNoiseClips = "unreadable_noise_clips"
  }
}
