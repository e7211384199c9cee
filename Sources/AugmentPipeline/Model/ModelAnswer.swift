import Foundation

/// One request to the user's model: a file to classify and the label it should get.
public struct ModelRequest: Sendable, Equatable, Encodable {
  public var id: String
  /// Absolute.
  public var path: String
  public var label: String
}

/// The model's answer about one file, as recorded in the manifest (`model`) and in `rejected.jsonl`.
public struct ModelAnswer: Sendable, Equatable, Codable {
  /// What the model predicted, as text (a numeric prediction is written as JSON prints it).
  public var prediction: String
  /// The optional `score` the model gave: a probability of the label, or a loss.
  public var score: Double?
  /// Whether `prediction` equals the label exactly, the rule the error-analysis table uses.
  public var correct: Bool

  public init(prediction: String, score: Double?, correct: Bool) {
    self.prediction = prediction
    self.score = score
    self.correct = correct
  }

  /// Parses one answer line into its id and answer about a file labelled `label(id)`; `nil` label: unknown id.
  static func parse(_ line: String, command: String, label: (String) -> String?) throws -> (id: String, answer: ModelAnswer) {
    let parsed: AnswerLine
    do {
      parsed = try JSONDecoder().decode(AnswerLine.self, from: Data(line.utf8))
    } catch let DecodingError.keyNotFound(key, _) {
      throw ModelError.malformedAnswer(command: command, line: line, problem: "no “\(key.stringValue)”")
    } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
      let key = context.codingPath.first?.stringValue ?? "line"
      throw ModelError.malformedAnswer(
        command: command, line: line, problem: "“\(key)” is not \(key == "score" ? "a number" : "a string or number")")
    } catch {
      throw ModelError.malformedAnswer(command: command, line: line, problem: "not a JSON object")
    }
    guard let expected = label(parsed.id.text) else { throw ModelError.unexpectedID(command: command, id: parsed.id.text) }
    return (parsed.id.text, ModelAnswer(prediction: parsed.prediction.text, score: parsed.score, correct: parsed.prediction.text == expected))
  }
}

/// An answer line as the protocol allows it: extra keys are ignored.
private struct AnswerLine: Decodable {
  var id: Scalar
  var prediction: Scalar
  var score: Double?
}

/// A JSON string as is, or a JSON number as text (integers without a decimal point); not a bool or null.
private struct Scalar: Decodable {
  var text: String

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let string = try? container.decode(String.self) {
      text = string
    } else if let integer = try? container.decode(Int64.self) {
      text = String(integer)
    } else {
      text = String(try container.decode(Double.self))
    }
  }
}
