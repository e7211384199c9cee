import ArgumentParser
import AugmentAnalysis
import AugmentPipeline
import Foundation

/// `augment plan`: shares a budget of new samples among the weak slices of an analysis.
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Distribute a budget of new samples over the weak slices, in proportion to potential gain.",
    discussion: """
      Reads the JSON written by `augment analyze --json` (a file, or '-' for standard input) and writes a plan \
      {budget, analysis, entries: [{slice, count, potentialGain, reason}], skipped: [{slice, reason}]} whose \
      counts add up to exactly the budget. A slice is planned only when the run would find the model weak there: \
      its gap to human-level performance reaches the recipe's min_gap_to_hlp, or, with HLP unknown, its error \
      rate exceeds the overall error rate by that much. Slices that are not weak, without a recipe, or with \
      fewer than --min-sources source examples (untagged rows the model got right) are skipped, each with its \
      reason.

      Exit status: 0 on success, 64 for a usage error, 65 when the analysis is malformed or no slice can be \
      augmented, 66 when it cannot be read, 73 when the plan cannot be written.
      """)

  @Option(parsing: .unconditional, help: ArgumentHelp("The number of new samples to make, 1 to 10000000.", valueName: "n"))
  var budget: Int

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The fewest source examples (untagged rows the model got right) worth augmenting from, 0 or more.",
      valueName: "n"))
  var minSources = 1

  @Option(help: "A YAML recipe file whose recipes count as known slices too.")
  var config: String?

  @Argument(help: "The analysis JSON, or '-' for standard input.")
  var analysis = "-"

  @Option(help: ArgumentHelp("Where to write the plan ('-' for standard output).", valueName: "file"))
  var out = "plan.json"

  func validate() throws {
    try OptionBounds.check(budget, in: SliceRunRequest.countRange, option: "--budget")
    try OptionBounds.check(minSources, in: 0...Int.max, option: "--min-sources")
  }

  func run() throws {
    try reportingErrors {
      let data: Data
      if analysis == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
      } else {
        do {
          data = try Data(contentsOf: URL(fileURLWithPath: analysis))
        } catch {
          throw PlanError.unreadableReport(source: analysis, reason: error.localizedDescription)
        }
      }
      let report = try AnalysisReport.decode(from: data, source: analysis == "-" ? "standard input" : analysis)
      let recipes = try RecipeOptions.book(config: config)
      let rules = try Dictionary(uniqueKeysWithValues: recipes.names.map { name in
        (name, WeaknessRule(minimumGap: try recipes.recipe(named: name).checklist.minGapToHLP))
      })
      let plan = try Planner(knownRecipes: Set(recipes.names), minimumSources: minSources, weaknessRules: rules)
        .plan(report, budget: budget, analysisPath: analysis)
      let json = try plan.jsonData()
      if out == "-" {
        FileHandle.standardOutput.write(json)
        return
      }
      do {
        try json.write(to: URL(fileURLWithPath: out))
      } catch {
        FileHandle.standardError.write(
          Data("error: \(out): cannot write the plan (\(error.localizedDescription))\n".utf8))
        throw ExitCode.cannotWrite
      }
      print(ReportFormatter.format(plan), terminator: "")
      print("Wrote \(out)")
    }
  }
}
