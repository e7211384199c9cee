import AugmentAnalysis
import Foundation
import Testing

/// A run manifest with the model's answers reads as a table of the made samples.
struct ManifestTableTests {
  static func line(id: String, label: String, model: String) -> String {
    #"{"attempt":0,"checks":{"stoi":{"passed":true,"value":0.9}},"id":"\#(id)","index":0,"label":"\#(label)","#
      + #""output":"\#(id).wav","recipe_hash":"abc","seed":1,"sha256":"00","size":10,"slice":"car-noise","#
      + #""source":"speech/clean/s001.wav","source_id":"s001","tool_version":"1","transforms":[{"name":"gain","parameters":{"db":1}}]"#
      + model + "}"
  }

  @Test func eachSampleIsARowWithTheModelsPrediction() throws {
    let text = [
      Self.line(id: "car-noise-000000", label: "call my sister", model: #","model":{"correct":true,"prediction":"call my sister"}"#),
      Self.line(id: "car-noise-000001", label: "good morning", model: #","model":{"correct":false,"prediction":"pause the music","score":0.1}"#),
    ].joined(separator: "\n") + "\n"
    let table = try ErrorTable(data: Data(text.utf8), source: URL(fileURLWithPath: "run/manifest.jsonl"))
    #expect(table.rows.map(\.id) == ["car-noise-000000", "car-noise-000001"])
    #expect(table.rows.map(\.path) == ["car-noise-000000.wav", "car-noise-000001.wav"])
    #expect(table.rows.map(\.prediction) == ["call my sister", "pause the music"])
    #expect(table.rows.map(\.isCorrect) == [true, false])
    #expect(table.rows.allSatisfy { $0.tags == ["car-noise"] })
  }

  /// A manifest made without `--model-cmd` has no predictions: refused, naming the line and the option.
  @Test func aManifestWithoutAnswersIsRefused() {
    let text = Self.line(id: "car-noise-000000", label: "call my sister", model: "") + "\n"
    #expect {
      try ErrorTable(data: Data(text.utf8), source: URL(fileURLWithPath: "run/manifest.jsonl"))
    } throws: { error in
      "\(error)".contains("line 1") && "\(error)".contains("--model-cmd")
    }
  }
}
