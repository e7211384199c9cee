import Foundation

/// Everything a slice run is asked to do, as the command line gathers it.
public struct SliceRunRequest: Sendable {
  /// The samples one run may be asked for: enough for any real slice, few enough that the run's output
  /// folder and manifest stay workable.
  public static let countRange = 1...10_000_000
  /// Worker threads: at least one, and no more than a large machine has cores.
  public static let jobsRange = 1...256

  public var slice: String
  public var count: Int
  public var seed: UInt64
  public var jobs: Int
  public var recipes: RecipeBook
  /// The error-analysis table.
  public var dataset: URL
  public var sources: SliceDataset.SourceSelection
  public var noiseBanks: URL
  /// The folder of impulse-response categories (`--rir-banks`).
  public var impulseResponseBanks: URL
  public var output: URL
  public var shard: Shard?
  public var resume: Bool
  /// Augment even when the weakness gate fails.
  public var force: Bool
  public var allowOutsidePaths: Bool
  /// The encoding of image samples; `nil` stores each like its source.
  public var imageFormat: ImageOutputFormat?
  /// The zlib level PNG samples are written at (`--png-level`).
  public var pngLevel: Int
  /// The file format of audio samples.
  public var audioFormat: AudioOutputFormat
  /// How samples spread over the sources (`--balance`).
  public var balance: SourceBalance
  /// Only rows every filter accepts may be sources (`--sources-where`).
  public var sourcesWhere: [SourceFilter]
  /// The folder the table's media paths are relative to (`--media-root`); `nil`: the table's folder.
  public var mediaRoot: URL?
  /// With a folder dataset, the table of predictions and tags joined to its files (`--predictions`).
  public var predictions: URL?
  /// The user's model asked about every candidate (`--model-cmd`), and how its answers decide.
  public var model: ModelSettings?
  /// The table column whose values the summary reports acceptance by (`--group-column`), besides the label.
  public var groupColumn: String?

  public init(
    slice: String, count: Int, seed: UInt64, jobs: Int, recipes: RecipeBook = .builtIn, dataset: URL,
    sources: SliceDataset.SourceSelection = .untaggedCorrect, noiseBanks: URL,
    impulseResponseBanks: URL = URL(fileURLWithPath: "rir-banks"), output: URL, shard: Shard? = nil,
    resume: Bool = false, force: Bool = false, allowOutsidePaths: Bool = false,
    imageFormat: ImageOutputFormat? = nil, pngLevel: Int = PNGLevel.runDefault, audioFormat: AudioOutputFormat = .wav, balance: SourceBalance = .label,
    sourcesWhere: [SourceFilter] = [], mediaRoot: URL? = nil, predictions: URL? = nil,
    model: ModelSettings? = nil, groupColumn: String? = nil
  ) {
    self.slice = slice
    self.count = count
    self.seed = seed
    self.jobs = jobs
    self.recipes = recipes
    self.dataset = dataset
    self.sources = sources
    self.noiseBanks = noiseBanks
    self.impulseResponseBanks = impulseResponseBanks
    self.output = output
    self.shard = shard
    self.resume = resume
    self.force = force
    self.allowOutsidePaths = allowOutsidePaths
    self.imageFormat = imageFormat
    self.pngLevel = pngLevel
    self.audioFormat = audioFormat
    self.balance = balance
    self.sourcesWhere = sourcesWhere
    self.mediaRoot = mediaRoot
    self.predictions = predictions
    self.model = model
    self.groupColumn = groupColumn
  }
}
