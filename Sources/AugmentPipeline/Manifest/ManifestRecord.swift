import AugmentCore

/// One line of `manifest.jsonl`: everything needed to trace, audit and reproduce one accepted sample.
///
/// Load it with `pandas.read_json("manifest.jsonl", lines=True)` (then `pandas.json_normalize(df.checks)`
/// for the measured values) or `datasets.load_dataset("json", data_files="manifest.jsonl")`.
public struct ManifestRecord: Sendable, Equatable, Codable {
  /// `<slice>-<index>`, unique within a run; also the output file's stem.
  public var id: String
  /// The sample index: sample `i` draws only from its own random stream.
  public var index: Int
  /// Which source try and redraw produced the accepted candidate (0 = the first draw of the first source).
  public var attempt: Int
  public var seed: UInt64
  public var slice: String
  public var source: String
  public var sourceID: String
  /// The output file, relative to the run's folder.
  public var output: String
  /// The output file's SHA-256 (64 lowercase hex digits, as `sha256sum` prints it), taken from the file as
  /// written; `augment verify` and `augment merge` check the file against it.
  public var sha256: String
  /// The output file's size in bytes.
  public var size: Int
  /// Carried from the source row.
  public var label: String
  /// Every transform with the exact parameters it applied, in order; enough to replay without redrawing.
  public var transforms: [AppliedTransform]
  /// Every checklist measurement, by rule name.
  public var checks: [String: Verdict]
  public var toolVersion: String
  public var recipeHash: String
  /// The user's model's answer about the sample (`--model-cmd`); absent when no model was asked.
  public var model: ModelAnswer? = nil

  enum CodingKeys: String, CodingKey {
    case id, index, attempt, seed, slice, source, output, sha256, size, label, transforms, checks, model
    case sourceID = "source_id", toolVersion = "tool_version", recipeHash = "recipe_hash"
  }
}

/// One line of `rejected.jsonl`: a candidate the checklist turned down, or a source that could not be used.
public struct RejectionRecord: Sendable, Equatable, Codable {
  public var index: Int
  public var attempt: Int
  public var source: String
  /// The rules that failed, e.g. `["stoi"]`; `["unreadable-source"]` when the source could not be read,
  /// `["unusable-source"]` when a rule could not judge any candidate made from it (see ``SourceUnusable``).
  public var failed: [String]
  public var reason: String
  public var transforms: [AppliedTransform]
  public var checks: [String: Verdict]
  /// For an unusable source, the reason sources are counted under (``SourceUnusable/reason``), without
  /// this source's own measurement, so a resumed run counts the sources it keeps as the first call did.
  public var unusableBecause: String? = nil
  /// For a candidate the keep policy turned down (``SliceRunner/keepRule``), the model's answer about it.
  public var model: ModelAnswer? = nil

  enum CodingKeys: String, CodingKey {
    case index, attempt, source, failed, reason, transforms, checks, model
    case unusableBecause = "unusable_because"
  }
}
