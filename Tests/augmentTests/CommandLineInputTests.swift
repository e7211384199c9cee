import Foundation
import Testing

/// Options, recipe files and missing inputs as a user meets them: each refusal names what is wrong and ends
/// with the status the README lists.
@Suite(.serialized) struct CommandLineInputTests {
  static func run(_ arguments: [String]) throws -> AugmentCLI.Output {
    try AugmentCLI.run(
      ["--slice", "car-noise", "--dataset", AugmentCLI.sample("errors-speech.csv"), "--noise-banks",
       AugmentCLI.noiseBanks] + arguments)
  }

  /// `-1` looks like a flag to the parser; the option is read unconditionally so the message is about --count.
  @Test(arguments: ["-1", "0", "1000000000000"])
  func countOutsideItsRangeIsAUsageError(value: String) throws {
    let result = try Self.run(["--count", value, "--dry-run"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--count must be 1 to 10000000; got \(value)."), "\(result.stderr)")
    #expect(!result.stderr.contains("Missing value"))
  }

  @Test func misspeltOptionIsReportedAsItself() throws {
    let result = try Self.run(["--cont", "5", "--dry-run"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("Unknown option '--cont'. Did you mean '--count'? See 'augment run --help'."),
      "\(result.stderr)")
  }

  /// A typo in an option, a subcommand or a slice is a usage error (64) that names the nearest real one; a word
  /// nothing is near gets no guess.
  @Test func typosAreUsageErrorsWithTheNearestName() throws {
    let option = try AugmentCLI.run(["--cuont", "10", "--slice", "car-noise"])
    #expect(option.status == 64)
    #expect(option.stderr.contains("Unknown option '--cuont'. Did you mean '--count'?"), "\(option.stderr)")
    #expect(!option.stderr.contains("Give --count"))
    let subcommand = try AugmentCLI.run(["recipe"])
    #expect(subcommand.status == 64)
    #expect(
      subcommand.stderr.contains("Unknown subcommand or argument 'recipe'. Did you mean 'recipes'? See 'augment --help'."),
      "\(subcommand.stderr)")
    let slice = try Self.run(["--slice", "car-nose", "--count", "3", "--dry-run"])
    #expect(slice.status == 64)
    #expect(slice.stderr.contains("no recipe for slice “car-nose”; did you mean “car-noise”?"), "\(slice.stderr)")
    let unrelated = try AugmentCLI.run(["--slice", "zebra-crossing", "--count", "3", "--dry-run"])
    #expect(unrelated.status == 64 && unrelated.stderr.contains("no recipe for slice “zebra-crossing”. Known: "))
    let column = try Self.run(["--count", "3", "--balance", "speakr", "--dry-run"])
    #expect(column.status == 64, "\(column.stderr)")
    // The README writes "analyse"; both spellings run the analysis.
    let analyse = try AugmentCLI.run(["analyse", AugmentCLI.sample("errors-speech.csv")])
    #expect(analyse.status == 0 && analyse.stdout.hasPrefix("Error analysis of "), "\(analyse.stderr)")
  }

  @Test func otherNumericOptionsAreBounded() throws {
    let jobs = try Self.run(["--count", "2", "--jobs", "0", "--dry-run"])
    #expect(jobs.status == 64 && jobs.stderr.contains("--jobs must be 1 to 256; got 0."), "\(jobs.stderr)")
    let seed = try Self.run(["--count", "2", "--seed", "-1", "--dry-run"])
    #expect(seed.status == 64 && seed.stderr.contains("'-1' is invalid for '--seed"), "\(seed.stderr)")
    let level = try AugmentCLI.run(["--slice", "blurry", "--count", "2", "--png-level", "10", "--dry-run"])
    #expect(level.status == 64 && level.stderr.contains("--png-level must be 0 to 9; got 10."), "\(level.stderr)")
    let budget = try AugmentCLI.run(["plan", "--budget", "-5", "analysis.json"])
    #expect(budget.status == 64 && budget.stderr.contains("--budget must be 1 to 10000000; got -5."), "\(budget.stderr)")
    let pairs = try AugmentCLI.run(["preview", "somewhere", "--pairs", "-2"])
    #expect(pairs.status == 64 && pairs.stderr.contains("--pairs must be 0 or more; got -2."), "\(pairs.stderr)")
  }

  /// A negative threshold (a log-likelihood, say) is a value, not a flag.
  @Test func negativeScoreThresholdIsRead() throws {
    let folder = try TemporaryFolder()
    let table = folder.path("scores.csv")
    try Data("label,score,tags\na,-0.2,x\nb,-0.9,\nc,-0.7,x\n".utf8).write(to: URL(fileURLWithPath: table))
    let result = try AugmentCLI.run(["analyze", table, "--score-threshold", "-0.5", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let overall = report?["overall"] as? [String: Any]
    // -0.9 and -0.7 are at or below -0.5: two of three correct.
    #expect((overall?["accuracy"] as? Double).map { abs($0 - 2.0 / 3.0) < 1e-12 } == true, "\(result.stdout.prefix(400))")
  }

  @Test func missingInputsExit66() throws {
    let banks = try AugmentCLI.run(
      ["--slice", "car-noise", "--count", "2", "--dataset", AugmentCLI.sample("errors-speech.csv"), "--noise-banks",
       "/nonexistent/banks", "--dry-run"])
    #expect(banks.status == 66, "\(banks.stderr)")
    #expect(banks.stderr.contains("/nonexistent/banks"))
    let config = try Self.run(["--count", "2", "--config", "/nonexistent/recipes.yaml", "--dry-run"])
    #expect(config.status == 66, "\(config.stderr)")
    #expect(config.stderr.contains("/nonexistent/recipes.yaml: cannot read the recipe file"))
    let table = try AugmentCLI.run(["--slice", "car-noise", "--count", "2", "--dataset", "/nonexistent/t.csv", "--dry-run"])
    #expect(table.status == 66, "\(table.stderr)")
    for command in ["merge", "verify"] {
      let folder = try AugmentCLI.run([command, "/nonexistent/run"])
      #expect(folder.status == 66, "\(command): \(folder.stderr)")
      #expect(folder.stderr.contains("/nonexistent/run"))
    }
  }

  /// One message per error and the status the exit table gives it; no status printed as an error of its own.
  @Test func recipeFileErrorsPrintOnceWithTheirLine() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("recipes.yaml")
    try Data(RecipeFile.misspelt.utf8).write(to: URL(fileURLWithPath: file))
    for command in [["--count", "2", "--dry-run"], ["recipes"]] {
      let arguments = command == ["recipes"] ? ["recipes", "--config", file] : command + ["--config", file]
      let result = command == ["recipes"] ? try AugmentCLI.run(arguments) : try Self.run(arguments)
      #expect(result.status == 65)
      #expect(result.stderr == "error: \(file):7: unknown key “snr_dbb” in the background-noise transform of recipe “car-noise”; did you mean “snr_db”? Known: type, category, snr_db, snr_definition.\n")
    }
  }

  /// A weight must be a number on every line: text, a list or null each say what is wrong with it.
  @Test(arguments: [
    (#""heavy""#, "'heavy' in column 'weight' is not a non-negative number"),
    (#"["2"]"#, "not a flat JSON object ('weight' is a list; only 'tags' may hold a list of strings)"),
    ("null", "no 'weight' value on this line (empty, null or left out); every row needs one"),
  ])
  func jsonLinesWeightThatIsNotANumberSaysSo(value: String, message: String) throws {
    let folder = try TemporaryFolder()
    let table = folder.path("errors.jsonl")
    try Data(
      """
      {"label": "a", "prediction": "a", "weight": \(value), "tags": ["x"]}
      {"label": "b", "prediction": "c", "weight": 2}
      """.utf8
    ).write(to: URL(fileURLWithPath: table))
    let result = try AugmentCLI.run(["analyze", table])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("error: \(table), line 1: \(message)"), "\(result.stderr)")
  }
}

enum RecipeFile {
  static let misspelt = """
    recipes:
      - name: car-noise
        modality: audio
        transforms:
          - type: background-noise
            category: car
            snr_dbb: [0, 10]
    """
}
