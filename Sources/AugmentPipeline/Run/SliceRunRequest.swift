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
  public var output: URL
  public var shard: Shard?
  public var resume: Bool
  /// Augment even when the weakness gate fails.
  public var force: Bool
  public var allowOutsidePaths: Bool

  public init(
    slice: String, count: Int, seed: UInt64, jobs: Int, recipes: RecipeBook = .builtIn, dataset: URL,
    sources: SliceDataset.SourceSelection = .untaggedCorrect, noiseBanks: URL, output: URL, shard: Shard? = nil,
    resume: Bool = false, force: Bool = false, allowOutsidePaths: Bool = false
  ) {
    self.slice = slice
    self.count = count
    self.seed = seed
    self.jobs = jobs
    self.recipes = recipes
    self.dataset = dataset
    self.sources = sources
    self.noiseBanks = noiseBanks
    self.output = output
    self.shard = shard
    self.resume = resume
    self.force = force
    self.allowOutsidePaths = allowOutsidePaths
  }
}
