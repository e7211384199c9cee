import Foundation
import Testing

@testable import AugmentPipeline

/// Recipe files are checked against the schema before decoding: a mistake is refused with the file and line.
@Suite struct RecipeSchemaTests {
  static func refusal(_ yaml: String) throws -> (path: String, line: Int, problem: String, message: String) {
    let folder = try TemporaryFolder()
    let file = try folder.write(yaml, to: "recipes.yaml")
    do {
      _ = try RecipeBook.builtIn.adding(contentsOf: file)
    } catch let error as RecipeError {
      guard case .invalidEntry(let path, let line, let problem) = error else {
        Issue.record("expected a refusal with a line, got \(error)")
        return ("", 0, "", "")
      }
      #expect(path == file.path)
      return (path, line, problem, error.description)
    }
    Issue.record("the file was accepted")
    return ("", 0, "", "")
  }

  static func carNoise(transform: String = "snr_db: [0, 10]", checklist: String = "min_stoi: 0.7") -> String {
    """
    recipes:
      - name: car-noise
        modality: audio
        transforms:
          - type: background-noise
            category: car
            \(transform)
        checklist:
          \(checklist)
    """
  }

  @Test func theWellFormedFileIsAccepted() throws {
    let folder = try TemporaryFolder()
    let book = try RecipeBook.builtIn.adding(contentsOf: try folder.write(Self.carNoise(), to: "ok.yaml"))
    #expect(try book.recipe(named: "car-noise").checklist.minSTOI == 0.7)
  }

  /// Decoding would skip `snr_dbb` and fail on the missing `snr_db` without a line; the schema names both.
  @Test func misspeltKeyIsRefusedWithTheKeyMeant() throws {
    let refusal = try Self.refusal(Self.carNoise(transform: "snr_dbb: [0, 10]"))
    #expect(refusal.line == 7)
    #expect(refusal.message.hasPrefix("\(refusal.path):7: unknown key “snr_dbb” in the background-noise transform"))
    #expect(refusal.problem.contains("did you mean “snr_db”?"))
  }

  @Test func misspeltChecklistAndRecipeKeysAreRefused() throws {
    let checklist = try Self.refusal(Self.carNoise(checklist: "min_stio: 0.7"))
    #expect(checklist.line == 9)
    #expect(checklist.problem.contains("“min_stio” in the checklist of recipe “car-noise”; did you mean “min_stoi”?"))
    let recipe = try Self.refusal("recipes:\n  - name: x\n    modality: audio\n    tranforms: []\n")
    #expect(recipe.line == 4)
    #expect(recipe.problem.contains("did you mean “transforms”?"))
    let type = try Self.refusal(Self.carNoise().replacingOccurrences(of: "background-noise", with: "backgroud-noise"))
    #expect(type.line == 5)
    #expect(type.problem.contains("unknown transform type “backgroud-noise”") && type.problem.contains("“background-noise”?"))
  }

  /// STOI is a fraction of intelligibility (0…1) and a realism margin a widening (≥ 0): -5 and -3 mean nothing.
  @Test func thresholdsOutsideTheirMeaningAreRefused() throws {
    let stoi = try Self.refusal(Self.carNoise(checklist: "min_stoi: -5"))
    #expect(stoi.line == 9)
    #expect(stoi.problem == "min_stoi is “-5”; it must be a number from 0 to 1 (STOI)")
    let margin = try Self.refusal(Self.carNoise(checklist: "realism_margin: -3"))
    #expect(margin.line == 9)
    #expect(margin.problem.hasPrefix("realism_margin is “-3”; it must be a number from 0 to 60"))
    let redraws = try Self.refusal(Self.carNoise() + "\n    redraws: 0")
    #expect(redraws.line == 10 && redraws.problem.contains("whole number from 1 to 1000"))
  }

  @Test func rangesMustBeOrderedAndPhysical() throws {
    let reversed = try Self.refusal(Self.carNoise(transform: "snr_db: [15, 0]"))
    #expect(reversed.line == 7 && reversed.problem.contains("low end above its high end"))
    let absurd = try Self.refusal(Self.carNoise(transform: "snr_db: [0, 500]"))
    #expect(absurd.problem == "snr_db [0, 500] leaves -30 to 60 dB")
    let band = try Self.refusal(
      "recipes:\n  - name: x\n    modality: audio\n    transforms:\n      - {type: telephone, high_hz: [3000, 9000]}\n")
    #expect(band.line == 5 && band.problem.contains("high_hz [3000, 9000] leaves 1 to 3999 Hz"))
  }

  /// Every key a transform, checklist or recipe writes is one the schema accepts: a recipe of each registered
  /// transform, encoded as the tool writes it, reads back through the check unchanged.
  @Test func everyTransformTheToolWritesPassesTheSchema() throws {
    let steps = TransformRegistry.all.map { $0.exampleStep } + [
      TransformSpec(BackgroundNoiseSpec(category: "car", snrDB: .init(0, 15), snrDefinition: .rms)),
      TransformSpec(BrightnessContrastSpec(brightness: .init(0, 0.05), contrast: .init(-0.5, 0), pivot: .midGrey)),
    ]
    #expect(RecipeSchema.transforms.map(\.type) == TransformRegistry.names)
    let recipes = Modality.allCases.map { modality in
      Recipe(
        name: "every-\(modality.rawValue)", modality: modality, summary: "all", transforms: steps.filter { $0.modality == modality },
        checklist: .defaults(for: modality), redraws: 3)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(["recipes": recipes]), as: UTF8.self)
    let folder = try TemporaryFolder()
    let book = try RecipeBook.builtIn.adding(contentsOf: try folder.write(json, to: "every.json"))
    for recipe in recipes { #expect(try book.recipe(named: recipe.name) == recipe) }
  }
}
