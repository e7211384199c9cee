import AugmentPipeline
import Foundation
import Testing

/// A model command that crashes, hangs or answers garbage stops the run with status 69 and a message
/// saying what went wrong, leaves only whole batches behind, and `--resume` completes once it is fixed.
@Suite(.serialized) struct ModelFailureTests {
  /// A scorer whose behaviour is read from a file at each request: `ok` answers as the example scorer,
  /// `crash-after N` exits once it has answered N lines, `hang` never answers, `garbage` answers a line that
  /// is not JSON, `wrong-id` answers an id it was not asked.
  static let flakyScorer = """
    import json, sys
    sys.path.insert(0, sys.argv[2])
    from score_speech import answer
    answered = 0
    for line in sys.stdin:
        mode = open(sys.argv[1]).read().split()
        if mode[0] == "crash-after" and answered >= int(mode[1]):
            sys.exit(3)
        if mode[0] == "hang":
            sys.stdin.read()
        request = json.loads(line)
        if mode[0] == "garbage":
            print("prediction: maybe", flush=True)
        elif mode[0] == "wrong-id":
            print(json.dumps({"id": request["id"] + "x", "prediction": "no"}), flush=True)
        else:
            print(json.dumps(answer(request)), flush=True)
        answered += 1
    """

  struct Flaky {
    let folder: TemporaryFolder
    var command: String

    init(mode: String) throws {
      folder = try TemporaryFolder()
      try Self.write(mode, to: folder.path("mode"))
      try flakyScorer.write(toFile: folder.path("flaky.py"), atomically: true, encoding: .utf8)
      let models = AugmentCLI.root.appendingPathComponent("samples/models").path
      command = "python3 '\(folder.path("flaky.py"))' '\(folder.path("mode"))' '\(models)'"
    }

    func set(_ mode: String) throws { try Self.write(mode, to: folder.path("mode")) }

    private static func write(_ mode: String, to path: String) throws {
      try mode.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  static func run(_ out: String, count: Int, command: String, _ extra: [String] = []) throws -> AugmentCLI.Output {
    try SliceRunTests.speechRun(out, count: count, extra: ["--model-cmd", command, "--model-batch", "4"] + extra)
  }

  /// The media files and unfinished (`.partial`) files in a run folder.
  static func mediaAndPartials(_ out: String) throws -> (media: Int, partials: Int) {
    let names = try FileManager.default.contentsOfDirectory(atPath: out)
    return (names.filter { $0.hasSuffix(".wav") }.count, names.filter { $0.contains(".partial") }.count)
  }

  /// The scorer ends after two batches (10 members, then 4 + 4 candidates): the two batches stay, the third
  /// leaves nothing; fixed, `--resume` finishes, and the folder is byte for byte that of a run never stopped.
  @Test func aCrashKeepsWholeBatchesAndResumeFinishesIdentically() throws {
    let flaky = try Flaky(mode: "crash-after 18")
    let folder = try TemporaryFolder()
    let out = folder.path("crashed"), clean = folder.path("clean")
    let crashed = try Self.run(out, count: 12, command: flaky.command, ["--jobs", "1"])
    #expect(crashed.status == 69)
    #expect(crashed.stderr.contains("ended with status 3 after answering 0 of 4 candidates"), "\(crashed.stderr)")
    #expect(try SliceRunTests.manifest(out).map(\.index) == Array(0..<8))
    #expect(try Self.mediaAndPartials(out) == (8, 0))
    try flaky.set("ok")
    let resumed = try Self.run(out, count: 12, command: flaky.command, ["--jobs", "1", "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try Self.run(clean, count: 12, command: flaky.command, ["--jobs", "2"]).status == 0)
    #expect(try SliceRunTests.contents(of: out) == SliceRunTests.contents(of: clean))
  }

  /// Each way a command can fail, with what the message must say; the run stops before any sample is
  /// written, and the same folder resumes to completion once the command answers properly.
  @Test(arguments: [
    ("hang", "answered 0 of 10 candidates within 2 s"),
    ("garbage", "answered “prediction: maybe”: not a JSON object"),
    ("wrong-id", "which its batch did not ask for"),
    ("crash-after 0", "ended with status 3 after answering 0 of 10"),
  ])
  func aFailingCommandStopsTheRunAndResumeCompletes(mode: String, message: String) throws {
    let flaky = try Flaky(mode: mode)
    let folder = try TemporaryFolder()
    let out = folder.path("run")
    let failed = try Self.run(out, count: 3, command: flaky.command, ["--model-timeout", "2", "--jobs", "1"])
    #expect(failed.status == 69)
    #expect(failed.stderr.contains(message), "\(failed.stderr)")
    #expect(try Self.mediaAndPartials(out) == (0, 0))
    try flaky.set("ok")
    let resumed = try Self.run(out, count: 3, command: flaky.command, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try SliceRunTests.manifest(out).count == 3)
  }

  /// A command line that names no program: the shell says so on standard error and exits 127.
  @Test func aCommandThatCannotStartStopsTheRun() throws {
    let folder = try TemporaryFolder()
    let result = try Self.run(folder.path("run"), count: 2, command: "no-such-scorer-program --flag")
    #expect(result.status == 69)
    #expect(result.stderr.contains("ended with status 127"), "\(result.stderr)")
  }
}
