import AugmentCore

/// What makes two runs the same run: a folder may only be resumed by a run with the same identity.
public struct RunIdentity: Sendable, Equatable, Codable {
  public var slice: String
  /// The requested number of samples over all shards; a resumed run may raise it, never lower it.
  public var count: Int
  public var seed: UInt64
  public var recipeHash: String
  /// The error-analysis table, relative to the run folder (so the folder can be moved with its dataset).
  public var dataset: String
  public var shard: Shard?
  public var toolVersion: String
  /// Which rows were sources and how samples were spread over them; `nil` in folders written before sources
  /// were recorded (they were taken in table order).
  public var sources: SourceSettings?
  /// How samples are written (`--audio-format`, `--image-format`, or `as-source` for images stored as their
  /// source was), so a resume cannot mix formats in one folder; `nil` in folders written before it was recorded.
  public var output: String?
  /// The zlib level of an image run's PNG samples (`--png-level`), so a replay writes the same bytes and a
  /// resume cannot mix levels; `nil` for audio runs and in folders written before it was recorded
  /// (``PNGLevel/unrecorded``).
  public var pngLevel: Int?

  /// How a model's answers decide which candidates are kept (`--keep`, `--model-batch`); `nil` when no
  /// model is asked. The command itself is not part of it: a fixed command may resume a folder.
  public var model: String?

  public init(
    slice: String, count: Int, seed: UInt64, recipeHash: String, dataset: String, shard: Shard?,
    sources: SourceSettings? = nil, output: String? = nil, pngLevel: Int? = nil,
    model: String? = nil
  ) {
    self.slice = slice
    self.count = count
    self.seed = seed
    self.recipeHash = recipeHash
    self.dataset = dataset
    self.shard = shard
    self.toolVersion = ToolVersion.current
    self.sources = sources
    self.output = output
    self.pngLevel = pngLevel
    self.model = model
  }

  enum CodingKeys: String, CodingKey {
    case slice, count, seed, dataset, shard, sources, output, model
    case recipeHash = "recipe_hash", toolVersion = "tool_version", pngLevel = "png_level"
  }
}

/// Shard `index` of `count`: the sample indices `i` with `i mod count == index`.
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  public init(index: Int, count: Int) throws {
    guard count >= 1, (0..<count).contains(index) else { throw RunError.invalidShard("\(index)/\(count)") }
    self.init(checked: index, of: count)
  }

  private init(checked index: Int, of count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `K/N`.
  public init(parsing text: String) throws {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw RunError.invalidShard(text)
    }
    try self.init(index: index, count: count)
  }

  /// The whole run as one shard, 0 of 1.
  static let whole = Shard(checked: 0, of: 1)

  public func contains(_ sampleIndex: Int) -> Bool { sampleIndex % count == index }

  /// The shard's sample indices below `total`, in order, generated one at a time.
  public func sampleIndices(below total: Int) -> StrideTo<Int> { stride(from: index, to: total, by: count) }

  /// How many sample indices below `total` belong to the shard, without listing them.
  public func sampleCount(below total: Int) -> Int { total > index ? (total - index - 1) / count + 1 : 0 }

  public var description: String { "\(index)/\(count)" }
}
