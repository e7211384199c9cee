import AugmentAnalysis
import AugmentCore
import Foundation
import MediaIO
import Synchronization
import Testing

@testable import AugmentPipeline

@Suite struct SourceCacheTests {
  /// Loads counted per source index.
  final class Loads: Sendable {
    let counts = Mutex<[Int: Int]>([:])
    func load(_ index: Int, bytes: Int = 10) -> [UInt8] {
      counts.withLock { $0[index, default: 0] += 1 }
      return [UInt8](repeating: UInt8(index), count: bytes)
    }
    var total: [Int: Int] { counts.withLock { $0 } }
  }

  /// Sources are kept as they come until the next would pass the capacity; the kept ones are served
  /// from memory ever after, the others loaded on every use.
  @Test func keepsTheFirstSourcesThatFit() throws {
    let cache = SourceCache<[UInt8]>(capacity: 25)
    let loads = Loads()
    for _ in 0..<3 {
      for index in [0, 1, 2] {
        let media = try cache.media(forSource: index, byteCount: \.count) { loads.load(index) }
        #expect(media == [UInt8](repeating: UInt8(index), count: 10))
      }
    }
    #expect(loads.total == [0: 1, 1: 1, 2: 3])
    #expect(cache.usage.sources == 2 && cache.usage.bytes == 20)
  }

  @Test func keepsNothingWithoutCapacityAndNeverAFailure() throws {
    struct Unreadable: Error {}
    let empty = SourceCache<[UInt8]>(capacity: 0)
    let loads = Loads()
    for _ in 0..<2 { _ = try empty.media(forSource: 4, byteCount: \.count) { loads.load(4) } }
    #expect(loads.total == [4: 2] && empty.usage.sources == 0)

    let cache = SourceCache<[UInt8]>(capacity: 1 << 20)
    var attempts = 0
    for _ in 0..<2 {
      #expect(throws: Unreadable.self) {
        try cache.media(forSource: 7, byteCount: \.count) {
          attempts += 1
          throw Unreadable()
        }
      }
    }
    #expect(attempts == 2 && cache.usage.sources == 0)
  }

  /// A dark-background run (object located per source, SSIM against a prepared source, clipping counted)
  /// writes the same bytes whether its sources come from the cache or are decoded for every use, on
  /// two threads; the cached run kept every source, each used twice.
  @Test func aRunWritesTheSameBytesWithAndWithoutTheCache() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let dataset = try SliceDataset(tableURL: root.appendingPathComponent("samples/errors-images.csv"))
    let recipe = try RecipeBook.builtIn.recipe(named: "dark-background")
    // Photos whose darkened candidates clip often enough that redraws are judged against the prepared source.
    let rows = try dataset.eligibleRows(.untaggedCorrect).filter {
      ["images/img010.png", "images/img036.png", "images/img047.png"].contains($0.path)
    }
    #expect(rows.count == 3)
    let sources = try dataset.examples(rows)
    let factory = try ImageSampleFactory(
      recipe: recipe, members: try dataset.members(of: recipe.name), pilotSources: DrawPilot.sources(sources), jobs: 2,
      outputFormat: nil, pngLevel: 1)
    let folder = try TemporaryFolder()
    func run(cacheBytes: Int, into name: String) throws -> SliceRunner<ImageSampleFactory> {
      let runner = SliceRunner(
        factory: factory, sources: sources,
        schedule: SourceSchedule(strata: rows.map { _ in "" }, sortKeys: rows.map(SliceDataset.path(of:)), seed: 5),
        settings: RunSettings(
          slice: recipe.name, count: 6, seed: 5, jobs: 2, redraws: 4, recipeHash: "r", sourceCacheBytes: cacheBytes),
        folder: OutputFolder(url: folder.file(name), shard: nil))
      let identity = RunIdentity(slice: recipe.name, count: 6, seed: 5, recipeHash: "r", dataset: "t.csv", shard: nil)
      let kept = try OutputFolder(url: folder.file(name), shard: nil).open(for: identity, resume: false)
      _ = try runner.run(kept: kept, resumed: false, notes: [], cancellation: CancellationFlag(), progress: { _ in })
      return runner
    }
    let cached = try run(cacheBytes: 256 << 20, into: "cached")
    let uncached = try run(cacheBytes: 0, into: "uncached")
    #expect(cached.sourceCache.usage.sources == 3 && uncached.sourceCache.usage.sources == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("cached").path)
      .filter { $0 != "summary.json" }.sorted()
    #expect(files.filter { $0.hasSuffix(".png") }.count == 6 && files.contains("rejected.jsonl"))
    let uncachedFiles = try FileManager.default.contentsOfDirectory(atPath: folder.file("uncached").path)
    #expect(uncachedFiles.filter { $0 != "summary.json" }.sorted() == files)
    for file in files {
      let (a, b) = (folder.file("cached/\(file)"), folder.file("uncached/\(file)"))
      #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(file)")
    }
  }
}
