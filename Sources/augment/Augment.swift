import ArgumentParser
import AugmentCore

@main
struct Augment: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "augment",
    abstract: "Find the slices where a model is weak and add realistic, checked examples of exactly those slices.",
    version: ToolVersion.current,
    subcommands: [
      Run.self, Analyze.self, Plan.self, Recipes.self, Preview.self, Compare.self, Merge.self, Verify.self, Replay.self,
      Info.self,
    ],
    defaultSubcommand: Run.self)
}
