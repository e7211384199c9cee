import Testing

@testable import AugmentPipeline

/// Answer lines: what the protocol accepts, and every malformed line refused with what is wrong.
struct ModelAnswerTests {
  static func parse(_ line: String) throws -> (id: String, answer: ModelAnswer) {
    try ModelAnswer.parse(line, command: "scorer") { ["a": "cat", "7": "3"][$0] }
  }

  @Test func answersAreComparedWithTheLabelExactly() throws {
    let right = try Self.parse(#"{"id": "a", "prediction": "cat", "score": 0.75, "extra": [1]}"#)
    #expect(right.id == "a" && right.answer == ModelAnswer(prediction: "cat", score: 0.75, correct: true))
    let wrong = try Self.parse(#"{"id": "a", "prediction": "Cat"}"#)
    #expect(wrong.answer == ModelAnswer(prediction: "Cat", score: nil, correct: false))
    let numeric = try Self.parse(#"{"id": 7, "prediction": 3, "score": null}"#)
    #expect(numeric.id == "7" && numeric.answer == ModelAnswer(prediction: "3", score: nil, correct: true))
  }

  @Test(arguments: [
    ("cat", "not a JSON object"),
    (#"{"prediction": "cat"}"#, "no “id”"),
    (#"{"id": "a"}"#, "no “prediction”"),
    (#"{"id": "a", "prediction": true}"#, "“prediction” is not a string or number"),
    (#"{"id": "a", "prediction": "cat", "score": "high"}"#, "“score” is not a number"),
  ])
  func malformedLinesAreRefused(line: String, problem: String) {
    #expect(throws: ModelError.malformedAnswer(command: "scorer", line: line, problem: problem)) { try Self.parse(line) }
  }

  @Test func anIdNotAskedIsRefused() {
    #expect(throws: ModelError.unexpectedID(command: "scorer", id: "b")) {
      try Self.parse(#"{"id": "b", "prediction": "cat"}"#)
    }
  }
}
