/// What a run folder holds, written to `summary.json` and printed at the end.
///
/// The counts describe the whole folder (or the whole shard), whichever invocations made it: a resumed run
/// counts the samples it kept and the rejections before each of them, as well as its own. Only `made_now`,
/// `resumed`, `seconds` and `samples_per_second` are about the last invocation.
public struct RunSummary: Sendable, Equatable, Codable {
  public var slice: String
  public var seed: UInt64
  public var shard: Shard?
  public var requested: Int
  /// Samples in the manifest, including those of earlier runs this one resumed.
  public var made: Int
  /// Samples made by the last invocation.
  public var madeNow: Int
  /// Whether the last invocation continued a folder (`--resume`) rather than starting it.
  public var resumed: Bool
  /// Candidates the checklist turned down, by failing rule; a candidate failing two rules counts under both.
  public var rejectedByRule: [String: Int]
  /// Candidates turned down, each once however many rules it failed: the lines of `rejected.jsonl`. `nil` in
  /// summaries written before it was recorded.
  public var rejected: Int? = nil
  /// Sources given up on after every redraw was rejected, or that could not be read, with the reason.
  public var skippedSources: [SkippedSource]
  /// Sample indices for which no source produced an acceptable candidate.
  public var failedIndices: [Int]
  /// True when the run was interrupted before reaching the requested count.
  public var interrupted: Bool
  /// The last invocation's time, and the samples it made per second.
  public var seconds: Double
  public var samplesPerSecond: Double
  /// Notes on calibration (e.g. that realism fell back to recipe defaults) and on the weakness gate.
  public var notes: [String]
  /// Noise-bank clips that could not be read, each with the reason; absent when every clip was read.
  public var unreadableNoiseClips: [UnreadableFile]? = nil
  /// How far the samples are from the slice's real members (``RealismFigure``); absent for a merged
  /// folder, whose shards each report their own.
  public var realism: RealismFigure? = nil

  public struct UnreadableFile: Sendable, Equatable, Codable {
    public var path: String
    public var reason: String
  }
  /// How many sources were skipped for each reason, each source counted once (``countByReason(_:)``).
  public var skippedByReason: [String: Int] = [:]
  /// The `failedIndices` for which no source could be used at all (every one tried was unusable, such as
  /// too short for the clarity gate, or unreadable): fewer were made for want of usable sources, not
  /// because candidates kept failing the checklist.
  public var indicesWithoutUsableSource: [Int] = []
  /// The model's accuracy on the samples and on the real members, when a run asked it (`--model-cmd`).
  public var model: ModelSummary? = nil
  /// What the checklist accepted of each label's sources (and each `--group-column` value's); `nil` in summaries
  /// written before it was counted.
  public var acceptance: Acceptance? = nil

  public struct SkippedSource: Sendable, Equatable, Codable {
    public var source: String
    public var reason: String
    /// How many sample indices gave up on this source.
    public var times: Int
    /// True when the file could not be read at all (rather than every candidate made from it failing the checklist).
    public var unreadable: Bool

    /// A source every candidate of which the checklist (or an error) turned down; `failures` counts the
    /// failing rules over those candidates, `"error"` for a candidate that could not be made.
    static func allRejected(source: String, candidates: Int, failures: [String: Int]) -> SkippedSource {
      let worst = failures.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      return SkippedSource(
        source: source, reason: "all \(candidates) candidates rejected, most often by \(worst?.key ?? "error")",
        times: 0, unreadable: false)
    }
  }

  /// The reason unreadable sources are counted under in ``skippedByReason``: each has its own error.
  public static let unreadableReason = "could not be read"

  /// Skipped sources counted by reason, unreadable ones under ``unreadableReason``.
  public static func countByReason(_ skipped: [SkippedSource]) -> [String: Int] {
    skipped.reduce(into: [:]) { counts, source in counts[source.unreadable ? unreadableReason : source.reason, default: 0] += 1 }
  }

  /// Whether the run fell short only because too few sources were usable: nothing was interrupted or
  /// unreadable, and every index without a sample had no usable source (rather than candidates that
  /// kept failing the checklist).
  public var isShortOfUsableSources: Bool {
    ranThroughReadableInputs && !failedIndices.isEmpty
      && Set(failedIndices).isSubset(of: indicesWithoutUsableSource)
  }

  /// Whether the run made everything it was asked for from inputs it could read.
  public var isComplete: Bool {
    ranThroughReadableInputs && failedIndices.isEmpty
  }

  /// The run was not interrupted, and every source and noise clip it met could be read.
  private var ranThroughReadableInputs: Bool {
    !interrupted && !skippedSources.contains(where: \.unreadable) && (unreadableNoiseClips ?? []).isEmpty
  }

  enum CodingKeys: String, CodingKey {
    case slice, seed, shard, requested, made, notes, interrupted, seconds, resumed, model, acceptance
    case rejected
    case madeNow = "made_now", rejectedByRule = "rejected_by_rule", skippedSources = "skipped_sources"
    case failedIndices = "failed_indices", samplesPerSecond = "samples_per_second"
    case unreadableNoiseClips = "unreadable_noise_clips", realism
    case skippedByReason = "skipped_by_reason", indicesWithoutUsableSource = "indices_without_usable_source"
  }
}
