import Foundation
import Testing

@testable import AugmentPipeline

@Suite struct DatasetPathsTests {
  @Test func pathsStayInsideTheDatasetFolder() {
    let paths = DatasetPaths(root: URL(fileURLWithPath: "/data/set"))
    #expect(paths.resolve("speech/a.wav")?.path == "/data/set/speech/a.wav")
    #expect(paths.resolve("speech/../b.wav")?.path == "/data/set/b.wav")
    #expect(paths.resolve("../other/a.wav") == nil)
    #expect(paths.resolve("speech/../../etc/passwd") == nil)
    #expect(paths.resolve("/etc/passwd") == nil)
    #expect(paths.resolve("~/a.wav") == nil)
    // A sibling folder whose name starts with the root's name is still outside.
    #expect(paths.resolve("../set-evil/a.wav") == nil)
  }

  @Test func outsidePathsWhenAllowed() {
    let paths = DatasetPaths(root: URL(fileURLWithPath: "/data/set"), allowOutside: true)
    #expect(paths.resolve("../other/a.wav")?.path == "/data/other/a.wav")
    #expect(paths.resolve("/srv/a.wav")?.path == "/srv/a.wav")
  }

  @Test func relativePathsBetweenFolders() {
    #expect(RelativePath.from(URL(fileURLWithPath: "/w/augmented/car"), to: URL(fileURLWithPath: "/w/samples/a.csv")) == "../../samples/a.csv")
    #expect(RelativePath.from(URL(fileURLWithPath: "/w"), to: URL(fileURLWithPath: "/w/x/y.png")) == "x/y.png")
  }
}
