import AugmentCore
import Testing

@Suite struct ClosestMatchTests {
  @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    #expect(ClosestMatch.editDistance("snr_dbb", "snr_db") == 1)
    #expect(ClosestMatch.editDistance("", "abc") == 3)
    #expect(ClosestMatch.editDistance("kitten", "sitting") == 3)
    #expect(ClosestMatch.editDistance("--cuont", "--count") == 2)
  }

  @Test func suggestsOnlyANearName() {
    #expect(ClosestMatch.suggestion(for: "min_stio", among: ["min_stoi", "min_ssim"]) == "min_stoi")
    #expect(ClosestMatch.suggestion(for: "Car-Nose", among: ["car-noise", "people-noise"]) == "car-noise")
    #expect(ClosestMatch.suggestion(for: "colour", among: ["category", "snr_db"]) == nil)
    #expect(ClosestMatch.suggestion(for: "anything", among: []) == nil)
  }
}
