import AugmentPipeline
import Foundation
import FuzzSupport

/// Recipe files as `--config` reads them: YAML (or JSON) through Yams and libyaml into recipes, transform
/// specs, parameter ranges and checklist overrides.
///
/// Every input must either load or throw a ``RecipeError``. Each recipe it adds must describe itself as
/// `augment recipes` does, encode as JSON (its fingerprint, recorded in every manifest line, is made from
/// that encoding), and load back from that JSON as the same recipe.
private let scratch = ScratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let book: RecipeBook
  do {
    book = try RecipeBook(recipes: []).adding(contentsOf: scratch.holding(fuzzBytes(data, size)))
  } catch is RecipeError {
    return 0
  } catch {
    fuzzFailure("RecipeBook.adding threw \(type(of: error)), not a RecipeError: \(error)")
  }
  let recipes = book.names.map { book.recipes[$0]! }
  for recipe in recipes {
    _ = recipe.transforms.map(\.description)
    _ = recipe.checklist.ruleLines(for: recipe.modality)
  }
  let json: Data
  do {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    json = try encoder.encode(["recipes": recipes])
  } catch {
    fuzzFailure("a recipe that loads cannot be encoded, so its fingerprint is not its own: \(error)")
  }
  do {
    let reloaded = try RecipeBook(recipes: []).adding(contentsOf: json.withUnsafeBytes(scratch.holding))
    fuzzCheck(
      reloaded.names.map { reloaded.recipes[$0]! } == recipes, "recipes change when written as JSON and read back")
  } catch {
    fuzzFailure("recipes written as JSON do not load back: \(error)\n\(String(decoding: json, as: UTF8.self))")
  }
  return 0
}
