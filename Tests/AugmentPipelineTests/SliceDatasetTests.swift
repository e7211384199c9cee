import AugmentAnalysis
import Foundation
import Testing

@testable import AugmentPipeline

/// Which rows a run may start from, and where their files are.
@Suite struct SliceDatasetTests {
  static let table = """
    id,path,label,prediction,tags,split,speaker
    a,clips/a.wav,yes,yes,,train,s1
    b,clips/b.wav,no,no,,dev,s1
    c,clips/c.wav,yes,yes,,test,s2
    d,clips/d.wav,no,no,,train,s2
    e,clips/e.wav,no,yes,,train,s3
    f,clips/f.wav,yes,yes,car-noise,dev,s3
    g,clips/g.wav,yes,yes,,extra,s3
    """

  static func dataset(mediaRoot: URL? = nil) throws -> (TemporaryFolder, SliceDataset) {
    let folder = try TemporaryFolder()
    let url = try folder.write(table, to: "tables/errors.csv")
    return (folder, try SliceDataset(tableURL: url, mediaRoot: mediaRoot))
  }

  /// Values of one column add up; different columns must all match; rows outside are never sources.
  @Test func filtersSelectRowsByColumnValue() throws {
    let (_, dataset) = try Self.dataset()
    let ids = { (filters: [String]) in
      try dataset.eligibleRows(.untaggedCorrect, where: filters.map { try SourceFilter(parsing: $0) }).compactMap(\.id)
    }
    #expect(try ids([]) == ["a", "b", "c", "d", "g"])
    #expect(try ids(["split=train"]) == ["a", "d"])
    #expect(try ids(["split=train", "Split=extra"]) == ["a", "d", "g"])
    #expect(try ids(["split=train", "speaker=s2"]) == ["d"])
    #expect(try ids(["split=validation"]) == [])
    #expect(throws: RunError.unknownColumn("fold", table: dataset.table.source.relativePath, option: "--sources-where", available: ["split", "speaker"])) {
      try dataset.eligibleRows(.all, where: [SourceFilter(column: "fold", value: "1")])
    }
    #expect(throws: RunError.invalidSourceFilter("split")) { try SourceFilter(parsing: "split") }
    #expect(throws: RunError.invalidSourceFilter("=train")) { try SourceFilter(parsing: "=train") }
  }

  @Test func strataComeFromTheLabelOrAColumn() throws {
    let (_, dataset) = try Self.dataset()
    let rows = try dataset.eligibleRows(.untagged)
    #expect(try dataset.strata(of: rows, balance: .label) == ["yes", "no", "yes", "no", "no", "yes"])
    #expect(try dataset.strata(of: rows, balance: .column("SPEAKER")) == ["s1", "s1", "s2", "s2", "s3", "s3"])
    #expect(try Set(dataset.strata(of: rows, balance: .none)).count == 1)
    #expect(throws: RunError.unknownColumn("gender", table: dataset.table.source.relativePath, option: "--balance", available: ["split", "speaker"])) {
      try dataset.strata(of: rows, balance: .column("gender"))
    }
  }

  /// Paths resolve against the table's folder, or against `--media-root`, which confines them in its place.
  @Test func mediaRootMovesWherePathsResolve() throws {
    let (folder, byTable) = try Self.dataset()
    #expect(try byTable.examples(Array(byTable.table.rows.prefix(1)))[0].url.path == folder.file("tables/clips/a.wav").path)
    let media = folder.file("media")
    let (_, byRoot) = try Self.dataset(mediaRoot: media)
    #expect(try byRoot.examples(Array(byRoot.table.rows.prefix(1)))[0].url.path == media.appendingPathComponent("clips/a.wav").path)
    #expect(byRoot.paths.resolve("../tables/errors.csv") == nil)
  }
}
