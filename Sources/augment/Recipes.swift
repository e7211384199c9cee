import ArgumentParser
import AugmentPipeline
import Foundation

/// `augment recipes`: the recipes a run can use, with their ranges and checklist rules.
struct Recipes: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the slice recipes with their transforms, parameter ranges and checklist rules.")

  @Option(name: .long, help: "A YAML recipe file that adds or overrides recipes.")
  var config: String?

  @Flag(help: "Print the recipes as JSON.")
  var json = false

  @Flag(help: "List the transforms recipes can use, with each key's range and default, instead of the recipes.")
  var transforms = false

  func validate() throws {
    if transforms && json { throw ValidationError("--transforms prints text only; leave out --json") }
  }

  func run() throws {
    if transforms {
      printTransforms()
      return
    }
    let book = try reportingErrors { try RecipeOptions.book(config: config) }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let recipes = book.names.compactMap { book.recipes[$0] }
      print(String(decoding: try encoder.encode(recipes), as: UTF8.self))
      return
    }
    for name in book.names {
      guard let recipe = book.recipes[name] else { continue }
      print("\(recipe.name)  [\(recipe.modality.rawValue)]  \(recipe.summary)")
      for transform in recipe.transforms { print("    transform \(transform)") }
      for rule in recipe.checklist.ruleLines(for: recipe.modality) { print("    \(rule)") }
      print("    redraws  \(recipe.redraws) per source, recipe \(RecipeBook.fingerprint(of: recipe))")
    }
  }
}

extension Recipes {
  /// Every registered transform: its name (a recipe's `type`), modality, summary and keys.
  func printTransforms() {
    for descriptor in TransformRegistry.all {
      print("\(descriptor.name)  [\(descriptor.modality.rawValue)]  \(descriptor.summary)")
      for field in descriptor.fields {
        let required = field.required ? ", required" : ""
        print("    \(field.key): \(field.admits)\(required); \(field.doc)")
      }
      print("    example: \(descriptor.exampleStep)")
    }
  }
}

/// The recipe book for any subcommand: the built-in recipes, with `--config`'s added.
enum RecipeOptions {
  static func book(config: String?) throws -> RecipeBook {
    guard let config else { return .builtIn }
    return try RecipeBook.builtIn.adding(contentsOf: URL(fileURLWithPath: config))
  }
}
