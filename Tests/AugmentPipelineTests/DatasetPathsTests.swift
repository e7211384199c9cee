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

  /// Confinement is judged where links lead: a link to a file or through a folder outside the root is refused,
  /// a link that stays inside is followed, and broken links and loops are named.
  @Test func linksAreFollowedBeforeJudging() throws {
    let folder = try TemporaryFolder()
    try folder.write("in", to: "set/inside.wav")
    try folder.write("out", to: "elsewhere/out.wav")
    let set = folder.file("set").path
    let links = [
      ("to-inside.wav", "inside.wav"), ("to-out.wav", "../elsewhere/out.wav"), ("dir", "../elsewhere"),
      ("loop-a", "loop-b"), ("loop-b", "loop-a"), ("dangling.wav", "nothing.wav"),
    ]
    for (name, target) in links {
      try FileManager.default.createSymbolicLink(atPath: "\(set)/\(name)", withDestinationPath: target)
    }
    try FileManager.default.createSymbolicLink(atPath: folder.file("set-link").path, withDestinationPath: "set")
    let real = folder.url.resolvingSymlinksInPath().path
    let paths = DatasetPaths(root: folder.file("set"))
    #expect(try paths.resolved("to-inside.wav").path == "\(real)/set/inside.wav")
    #expect(try paths.resolved("missing/clip.wav").path == "\(real)/set/missing/clip.wav")
    #expect(throws: DatasetPathError(path: "to-out.wav", problem: .linkLeavesFolder(real: "\(real)/elsewhere/out.wav", root: "\(real)/set"))) {
      try paths.resolved("to-out.wav")
    }
    #expect(throws: DatasetPathError(path: "dir/out.wav", problem: .linkLeavesFolder(real: "\(real)/elsewhere/out.wav", root: "\(real)/set"))) {
      try paths.resolved("dir/out.wav")
    }
    #expect(throws: DatasetPathError(path: "loop-a", problem: .linkLoop)) { try paths.resolved("loop-a") }
    #expect(throws: DatasetPathError(path: "dangling.wav/x", problem: .brokenLink(target: "nothing.wav"))) {
      try paths.resolved("dangling.wav/x")
    }
    #expect(throws: DatasetPathError(path: "dangling.wav", problem: .brokenLink(target: "nothing.wav"))) {
      try paths.resolved("dangling.wav")
    }
    // A root reached through a link is judged by where it leads.
    #expect(try DatasetPaths(root: folder.file("set-link")).resolved("inside.wav").path == "\(real)/set/inside.wav")
    let open = DatasetPaths(root: folder.file("set"), allowOutside: true)
    #expect(try open.resolved("dir/out.wav").path == "\(real)/elsewhere/out.wav")
  }

  @Test func relativePathsBetweenFolders() {
    #expect(RelativePath.from(URL(fileURLWithPath: "/w/augmented/car"), to: URL(fileURLWithPath: "/w/samples/a.csv")) == "../../samples/a.csv")
    #expect(RelativePath.from(URL(fileURLWithPath: "/w"), to: URL(fileURLWithPath: "/w/x/y.png")) == "x/y.png")
  }
}
