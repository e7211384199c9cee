import Foundation
import Testing

@testable import AugmentPipeline

@Suite struct RecipeBookTests {
  @Test func builtInRecipesCoverTheCourseSlices() throws {
    let expected = [
      "blurry", "cafe-noise", "car-noise", "codec", "compressed", "dark-background", "far-field", "food-court-noise",
      "library-noise", "light-background", "low-bandwidth", "machine-noise", "people-noise", "plane-noise", "reflection",
      "train-noise",
    ]
    #expect(RecipeBook.builtIn.names == expected)
    for name in expected {
      let recipe = try RecipeBook.builtIn.recipe(named: name)
      #expect(recipe.transforms.allSatisfy { $0.modality == recipe.modality })
    }
  }

  /// A `<category>-noise` recipe mixing another category's bank describes no real slice: refused on load,
  /// naming the bank it must use.
  @Test func noiseSliceFromAnotherBankIsRefused() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(
      """
      recipes:
        - name: people-noise
          modality: audio
          transforms: [{type: background-noise, category: car, snr_db: [0, 12]}]
      """, to: "recipes.yaml")
    #expect {
      try RecipeBook.builtIn.adding(contentsOf: file)
    } throws: { error in
      "\(error)".contains("people-noise mixes noise from the car bank; a people-noise recipe must mix noise-banks/people")
    }
  }

  @Test func userFileAddsAndOverridesRecipes() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(
      """
      recipes:
        - name: car-noise
          modality: audio
          transforms:
            - type: background-noise
              category: car
              snr_db: [5, 10]
              snr_definition: rms
          checklist:
            min_stoi: 0.8
        - name: subway
          modality: audio
          summary: Speech on a platform.
          transforms:
            - {type: background-noise, category: train, snr_db: [0, 6]}
            - {type: loudness, target_lufs: [-26, -20]}
          redraws: 3
      """, to: "recipes.yaml")
    let book = try RecipeBook.builtIn.adding(contentsOf: file)
    let car = try book.recipe(named: "car-noise")
    #expect(car.transforms == [TransformSpec(BackgroundNoiseSpec(category: "car", snrDB: .init(5, 10), snrDefinition: .rms))])
    #expect(car.checklist.minSTOI == 0.8)
    // Thresholds the file leaves out keep the defaults.
    #expect(car.checklist.realismMargin == ChecklistSpec.defaults(for: .audio).realismMargin)
    let subway = try book.recipe(named: "subway")
    #expect(subway.redraws == 3 && subway.transforms.count == 2)
    #expect(RecipeBook.fingerprint(of: car) != RecipeBook.fingerprint(of: try RecipeBook.builtIn.recipe(named: "car-noise")))
    // The fingerprint `Reference/make-recipe-fingerprint.py` computes for this recipe from its canonical JSON.
    let reference = try JSONDecoder().decode(
      [String: String].self,
      from: Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Reference/recipe-fingerprint.json")))
    #expect(RecipeBook.fingerprint(of: car) == reference["fingerprint"])
    // Any one range, threshold or count changed changes the fingerprint.
    var variants = [car, car, car, car, car]
    let wider = BackgroundNoiseSpec(category: "car", snrDB: .init(5, 11), snrDefinition: .rms)
    let active = BackgroundNoiseSpec(category: "car", snrDB: .init(5, 10), snrDefinition: .activeSpeech)
    variants[0].transforms = [TransformSpec(wider)]
    variants[1].transforms = [TransformSpec(active)]
    variants[2].checklist.minSTOI = 0.81
    variants[3].redraws = 9
    variants[4].summary = "Speech in a car."
    #expect(Set(([car] + variants).map(RecipeBook.fingerprint(of:))).count == 6)
  }

  @Test func invalidFilesNameTheFileAndTheProblem() throws {
    let folder = try TemporaryFolder()
    let unknownType = try folder.write(
      "recipes:\n  - {name: x, modality: audio, transforms: [{type: reverb, room: 3}]}\n", to: "a.yaml")
    #expect {
      try RecipeBook.builtIn.adding(contentsOf: unknownType)
    } throws: { error in
      guard case RecipeError.invalidEntry(let path, let line, let problem) = error else { return false }
      return path == unknownType.path && line == 2 && problem.contains("reverb") && problem.contains("background-noise")
    }
    let mixed = try folder.write(
      "recipes:\n  - {name: x, modality: image, transforms: [{type: telephone}]}\n", to: "b.yaml")
    #expect {
      try RecipeBook.builtIn.adding(contentsOf: mixed)
    } throws: { error in
      guard case RecipeError.invalidFile(_, let reason) = error else { return false }
      return reason.contains("telephone is an audio transform")
    }
    let reversed = try folder.write(
      "recipes:\n  - {name: x, modality: image, transforms: [{type: gamma, gamma: [2, 1]}]}\n", to: "c.yaml")
    #expect(throws: RecipeError.self) { try RecipeBook.builtIn.adding(contentsOf: reversed) }
    #expect(throws: RecipeError.unknownSlice("fog", known: RecipeBook.builtIn.names)) {
      try RecipeBook.builtIn.recipe(named: "fog")
    }
  }
}
