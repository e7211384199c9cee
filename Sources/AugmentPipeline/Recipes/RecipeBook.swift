import AugmentCore
import Foundation
import Yams

/// All recipes known to a run: the built-in ones, overridden or extended by a user's recipe file.
public struct RecipeBook: Sendable {
  public private(set) var recipes: [String: Recipe]

  public init(recipes: [Recipe]) {
    self.recipes = Dictionary(recipes.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// Recipe names, sorted.
  public var names: [String] { recipes.keys.sorted() }

  public func recipe(named name: String) throws -> Recipe {
    guard let recipe = recipes[name] else { throw RecipeError.unknownSlice(name, known: names) }
    return recipe
  }

  /// This book with the recipes of a YAML (or JSON) file added; a recipe with a built-in's name replaces it.
  ///
  /// The file holds a list under `recipes:`; each has `name`, `modality` (`audio` or `image`), `transforms`
  /// (a list of steps, each with a `type` and its ranges) and optionally `summary`, `checklist` and `redraws`.
  public func adding(contentsOf url: URL) throws -> RecipeBook {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw RecipeError.unreadableFile(url.path, reason: error.localizedDescription)
    }
    struct File: Decodable { var recipes: [Recipe] }
    let file: File
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw RecipeError.invalidFile(url.path, reason: "the file is empty; write a `recipes:` list")
      }
      try RecipeFileCheck(path: url.path).check(node)
      file = try YAMLDecoder().decode(File.self, from: node)
    } catch let error as RecipeError {
      throw error
    } catch {
      throw RecipeError.invalidFile(url.path, reason: Self.explain(error))
    }
    var book = self
    for recipe in file.recipes { book.recipes[recipe.name] = recipe }
    return book
  }

  /// A short stable fingerprint of a recipe (FNV-1a of its canonical JSON), recorded in every manifest line
  /// so a sample can be traced to the exact ranges and thresholds that made it.
  public static func fingerprint(of recipe: Recipe) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(recipe)) ?? Data()
    return String(format: "%016llx", FNV1a.hash64(bytes: data))
  }

  private static func explain(_ error: any Error) -> String {
    guard let decoding = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch decoding {
    case .keyNotFound(let key, let context): return "missing key “\(key.stringValue)” at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context))"
    @unknown default: return "\(decoding)"
    }
  }
}

/// Why a recipe could not be found or loaded.
public enum RecipeError: Error, Equatable, CustomStringConvertible {
  case unknownSlice(String, known: [String])
  case unreadableFile(String, reason: String)
  case invalidFile(String, reason: String)
  /// A key or value the recipe schema refuses, at a line of the file.
  case invalidEntry(String, line: Int, problem: String)

  public var description: String {
    switch self {
    case .unknownSlice(let name, let known):
      "no recipe for slice “\(name)”"
        + (ClosestMatch.suggestion(for: name, among: known).map { "; did you mean “\($0)”?" } ?? ".")
        + " Known: \(known.joined(separator: ", ")). Add one with --config FILE."
    case .unreadableFile(let path, let reason): "\(path): cannot read the recipe file (\(reason)); check the --config path."
    case .invalidFile(let path, let reason): "\(path): invalid recipe file: \(reason)."
    case .invalidEntry(let path, let line, let problem): "\(path):\(line): \(problem)."
    }
  }
}
