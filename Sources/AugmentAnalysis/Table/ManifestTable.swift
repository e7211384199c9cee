import Foundation

/// A run's `manifest.jsonl` read as a table: one row per made sample, with the label it carries, the
/// prediction the user's model (`--model-cmd`) gave, and the slice as its tag. So a run scored by the
/// model is analysed like any error-analysis table: `augment analyze augmented/car-noise/manifest.jsonl`.
enum ManifestTable {
  /// The table of a manifest's samples; `nil` when `text` is not a run manifest (its first line lacks the
  /// fields every manifest line has), so it is read as plain JSON Lines.
  static func read(_ text: String, path: String) throws -> RawTable? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { !$0.element.allSatisfy(\.isWhitespace) }
    guard let first = lines.first, Self.isManifestLine(first.element) else { return nil }
    let decoder = JSONDecoder()
    let records = try lines.map { offset, lineText in
      let line = offset + 1
      let sample: Sample
      do {
        sample = try decoder.decode(Sample.self, from: Data(lineText.utf8))
      } catch let error as DecodingError {
        throw TableError(path: path, line: line, kind: .invalidJSON(error.summary))
      }
      guard let model = sample.model else {
        throw TableError(
          path: path, line: line,
          kind: .invalidJSON("a run manifest line without the model's answer; make the run with --model-cmd"))
      }
      return RawTable.Record(line: line, fields: [sample.id, sample.output, sample.label, model.prediction, sample.slice])
    }
    return RawTable(path: path, header: ["id", "path", "label", "prediction", "tags"], records: records)
  }

  private static func isManifestLine(_ line: Substring) -> Bool {
    guard let object = try? JSONDecoder().decode([String: Ignored].self, from: Data(line.utf8)) else { return false }
    return ["sha256", "recipe_hash", "transforms", "checks", "output"].allSatisfy { object[$0] != nil }
  }

  /// The fields of a manifest line a table row needs.
  private struct Sample: Decodable {
    var id: String
    var output: String
    var label: String
    var slice: String
    var model: Answer?

    struct Answer: Decodable {
      var prediction: String
    }
  }

  /// Any JSON value, to test which keys a line holds.
  private struct Ignored: Decodable {
    init(from decoder: any Decoder) throws {}
  }
}
