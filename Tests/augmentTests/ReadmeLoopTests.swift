import Foundation
import Testing

/// The README's quick start, then its loop "command by command", in the order written, in a fresh folder: a plan
/// run that includes the slice the quick start made continues or skips that folder instead of stopping on it.
/// Counts are smaller than the README's so the suite stays quick; the sequence is the same.
@Suite(.serialized) struct ReadmeLoopTests {
  static let speech = AugmentCLI.sample("errors-speech.csv")
  static let inputs = [
    "--dataset", speech, "--noise-banks", AugmentCLI.noiseBanks, "--rir-banks",
    AugmentCLI.root.appendingPathComponent("rir-banks").path,
  ]

  @discardableResult
  private static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> AugmentCLI.Output {
    let result = try AugmentCLI.run(arguments, in: folder.url)
    #expect(result.status == 0, "augment \(arguments.joined(separator: " ")): \(result.stderr)")
    return result
  }

  /// The plan's count for each slice, as `augment plan` wrote it.
  private static func plannedCounts(_ folder: TemporaryFolder) throws -> [String: Int] {
    let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("plan.json")))
    let entries = try #require((plan as? [String: Any])?["entries"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: entries.map { ($0["slice"] as! String, $0["count"] as! Int) })
  }

  private static func runCount(_ folder: TemporaryFolder, _ slice: String) throws -> Int? {
    let data = try Data(contentsOf: folder.url.appendingPathComponent("augmented/\(slice)/run.json"))
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["count"] as? Int
  }

  private static func manifest(_ folder: TemporaryFolder, _ slice: String) throws -> Data {
    try Data(contentsOf: folder.url.appendingPathComponent("augmented/\(slice)/manifest.jsonl"))
  }

  /// The quick start makes fewer car-noise samples than the plan then asks for: the plan run resumes the folder
  /// up to the plan's count, makes the other slices, and the rest of the loop runs on what it made. Run again,
  /// the plan finds every slice complete and rewrites nothing.
  @Test func theLoopRunsInTheOrderWritten() throws {
    let folder = try TemporaryFolder()
    try Self.run(["--slice", "car-noise", "--count", "3"] + Self.inputs, in: folder)
    try Self.run(["analyze", Self.speech], in: folder)
    let analysis = try Self.run(["analyze", Self.speech, "--json"], in: folder)
    try Data(analysis.stdout.utf8).write(to: folder.url.appendingPathComponent("analysis.json"))
    try Self.run(["plan", "--budget", "20", "analysis.json"], in: folder)
    let planned = try Self.plannedCounts(folder)
    let car = try #require(planned["car-noise"])
    #expect(car > 3 && planned.values.reduce(0, +) == 20, "\(planned)")

    let first = try Self.run(["run", "--plan", "plan.json", "--out", "augmented"] + Self.inputs, in: folder)
    #expect(first.stderr.contains("note: car-noise: augmented/car-noise/ holds 3 of \(car) samples; resuming it"))
    #expect(first.stdout.contains("car-noise: made \(car) of \(car) in augmented/car-noise/ (\(car - 3) now)"))
    #expect(try Self.runCount(folder, "car-noise") == car)
    for (slice, count) in planned {
      let lines = try Self.manifest(folder, slice).split(separator: 0x0A)
      #expect(lines.count == count, "\(slice)")
    }

    try Self.run(
      ["--slice", "dark-background", "--count", "300", "--dry-run", "--dataset", AugmentCLI.sample("errors-images.csv")],
      in: folder)
    try Self.run(["preview", "augmented/car-noise", "--noise-banks", AugmentCLI.noiseBanks], in: folder)
    try Self.run(["verify", "augmented/car-noise"], in: folder)
    try Self.run(["replay", "augmented/car-noise", "--out", "remade", "--noise-banks", AugmentCLI.noiseBanks], in: folder)
    let manifests = planned.keys.sorted().map { "augmented/\($0)/manifest.jsonl" }
    let compare = try Self.run(["compare", Self.speech, Self.speech, "--manifests"] + manifests, in: folder)
    #expect(compare.stdout.contains("20 augmented samples in \(planned.count) manifests"), "\(compare.stdout)")
    try Self.run(["recipes"], in: folder)
    try Self.run(["recipes", "--transforms"], in: folder)
    try Self.run(["info", AugmentCLI.root.appendingPathComponent("samples").path, AugmentCLI.noiseBanks], in: folder)

    let before = try planned.keys.map { try Self.manifest(folder, $0) }
    let again = try Self.run(["run", "--plan", "plan.json", "--out", "augmented"] + Self.inputs, in: folder)
    for (slice, count) in planned {
      #expect(
        again.stdout.contains(
          "\(slice): augmented/\(slice)/ already holds \(count) samples (the plan asks for \(count)); skipped"),
        "\(again.stdout)")
    }
    #expect(try planned.keys.map { try Self.manifest(folder, $0) } == before)
  }

  /// The README's own order: a quick start of more samples than the plan gives the slice. The plan run skips the
  /// complete folder, and its run.json keeps the larger count.
  @Test func aCompleteSliceIsSkippedAndItsCountKept() throws {
    let folder = try TemporaryFolder()
    try Self.run(["--slice", "car-noise", "--count", "12"] + Self.inputs, in: folder)
    let made = try Self.manifest(folder, "car-noise")
    let analysis = try Self.run(["analyze", Self.speech, "--json"], in: folder)
    try Data(analysis.stdout.utf8).write(to: folder.url.appendingPathComponent("analysis.json"))
    try Self.run(["plan", "--budget", "20", "analysis.json"], in: folder)
    let car = try #require(try Self.plannedCounts(folder)["car-noise"])
    #expect(car < 12)

    // With --resume, as a refusal to write into a folder suggests: slices without a folder start afresh.
    let result = try Self.run(
      ["run", "--plan", "plan.json", "--out", "augmented", "--resume"] + Self.inputs, in: folder)
    #expect(
      result.stdout.contains(
        "car-noise: augmented/car-noise/ already holds 12 samples (the plan asks for \(car)); skipped, "
          + "its records kept as they are"), "\(result.stdout)")
    #expect(try Self.runCount(folder, "car-noise") == 12)
    #expect(try Self.manifest(folder, "car-noise") == made)
    #expect(result.stdout.contains("people-noise: made "))

    // A folder holding a run of another seed is not this plan's run: it is not skipped but refused, untouched.
    let other = try AugmentCLI.run(
      ["run", "--plan", "plan.json", "--out", "augmented", "--seed", "7"] + Self.inputs, in: folder.url)
    #expect(other.status == 65)
    #expect(other.stderr.contains("augmented/car-noise already holds files"), "\(other.stderr)")
    #expect(try Self.manifest(folder, "car-noise") == made)
  }
}
