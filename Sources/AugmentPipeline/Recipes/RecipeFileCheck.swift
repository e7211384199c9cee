import AugmentCore
import Yams

/// Walks a parsed recipe file against ``RecipeSchema``, refusing the first unknown key, missing key or
/// value out of its range with the line it is on.
struct RecipeFileCheck {
  /// The file as given, for messages.
  var path: String

  func check(_ root: Node) throws(RecipeError) {
    let file = try mapping(root, what: "a recipe file (a mapping with a `recipes:` list)")
    try checkKeys(of: file, at: root, against: RecipeSchema.file, in: "the recipe file")
    let recipes = file.first { $0.key.string == "recipes" }!.value
    guard let list = recipes.sequence else { throw fault(recipes, "`recipes:` must be a list of recipes") }
    for recipe in list { try checkRecipe(recipe) }
  }

  private func checkRecipe(_ node: Node) throws(RecipeError) {
    let recipe = try mapping(node, what: "a recipe (a mapping with name, modality and transforms)")
    let name = recipe.first { $0.key.string == "name" }?.value.string
    let context = name.map { "recipe “\($0)”" } ?? "a recipe"
    try checkKeys(of: recipe, at: node, against: RecipeSchema.recipe, in: context)
    for (key, value) in recipe {
      switch key.string {
      case "transforms":
        guard let steps = value.sequence else { throw fault(value, "transforms of \(context) must be a list of steps") }
        for step in steps { try checkTransform(step, in: context) }
      case "checklist":
        let checklist = try mapping(value, what: "the checklist of \(context) (a mapping of thresholds)")
        try checkKeys(of: checklist, at: value, against: RecipeSchema.checklist, in: "the checklist of \(context)")
      default: break
      }
    }
  }

  private func checkTransform(_ node: Node, in context: String) throws(RecipeError) {
    let step = try mapping(node, what: "a transform step (a mapping with a `type`)")
    guard let typeNode = step.first(where: { $0.key.string == "type" })?.value, let type = typeNode.string else {
      throw fault(node, "a transform of \(context) has no `type`; give one of \(Self.list(RecipeSchema.transforms.map(\.type)))")
    }
    guard let fields = RecipeSchema.transforms.first(where: { $0.type == type })?.fields else {
      throw fault(typeNode, Self.unknown("transform type", type, in: context, among: RecipeSchema.transforms.map(\.type)))
    }
    try checkKeys(
      of: step, at: node, against: [RecipeSchema.Field(key: "type", value: .text)] + fields,
      in: "the \(type) transform of \(context)")
  }

  /// Refuses keys the schema does not list (suggesting the nearest), missing required keys, and values
  /// that are not what their key takes.
  private func checkKeys(
    of mapping: Node.Mapping, at node: Node, against fields: [RecipeSchema.Field], in context: String
  ) throws(RecipeError) {
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      guard let field = fields.first(where: { $0.key == key }) else {
        throw fault(keyNode, Self.unknown("key", key, in: context, among: fields.map(\.key)))
      }
      try checkValue(value, of: field)
    }
    for field in fields where field.required && !mapping.contains(where: { $0.key.string == field.key }) {
      throw fault(node, "\(context) has no `\(field.key)`")
    }
  }

  private func checkValue(_ node: Node, of field: RecipeSchema.Field) throws(RecipeError) {
    let key = field.key
    switch field.value {
    case .text, .transforms, .checklist:
      return
    case .choice(let words):
      guard let word = node.string, words.contains(word) else {
        throw fault(node, "\(key) is “\(node.string ?? "not a word")”; write one of \(Self.list(words))")
      }
    case .whole(let bounds):
      guard let number = node.int, bounds.contains(number) else {
        throw fault(
          node, "\(key) is \(Self.shown(node)); it must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound)")
      }
    case .number(let bounds, let unit):
      guard let number = node.float, bounds.contains(number) else {
        throw fault(node, "\(key) is \(Self.shown(node)); it must be a number from \(Self.span(bounds)) \(unit)")
      }
    case .range(let bounds, let unit):
      let ends = node.sequence.map { $0.map(\.float) } ?? []
      guard (1...2).contains(ends.count), let low = ends.first ?? nil, let high = ends.last ?? nil else {
        throw fault(node, "\(key) is \(Self.shown(node)); write a range [low, high] (or [value]) of numbers in \(unit)")
      }
      let written = "\(key) [\(ParameterRange.format(low)), \(ParameterRange.format(high))]"
      guard low <= high else { throw fault(node, "\(written) has its low end above its high end; write [low, high]") }
      guard bounds.contains(low), bounds.contains(high) else {
        throw fault(node, "\(written) leaves \(Self.span(bounds)) \(unit)")
      }
    }
  }

  private func mapping(_ node: Node, what: String) throws(RecipeError) -> Node.Mapping {
    guard let mapping = node.mapping else { throw fault(node, "expected \(what)") }
    return mapping
  }

  private func fault(_ node: Node, _ problem: String) -> RecipeError {
    .invalidEntry(path, line: node.mark?.line ?? 1, problem: problem)
  }

  private static func unknown(_ what: String, _ word: String, in context: String, among known: [String]) -> String {
    let guess = ClosestMatch.suggestion(for: word, among: known).map { "; did you mean “\($0)”?" } ?? "."
    return "unknown \(what) “\(word)” in \(context)\(guess) Known: \(list(known))"
  }

  private static func list(_ words: [String]) -> String { words.joined(separator: ", ") }

  private static func span(_ bounds: ClosedRange<Double>) -> String { ParameterField.span(bounds) }

  private static func shown(_ node: Node) -> String {
    node.scalar.map { "“\($0.string)”" } ?? (node.sequence != nil ? "a list" : "a mapping")
  }
}
