import AugmentAnalysis
import Foundation
import Testing

@Suite struct TableReadingTests {
  /// RFC 4180: quoted fields hold commas, doubled quotes and line breaks; CRLF ends records.
  @Test func csvQuotingFollowsRFC4180() throws {
    let text =
      "id,label,prediction,note\r\n1,\"cat, tabby\",\"cat, tabby\",\"she said \"\"hi\"\"\"\r\n"
      + "2,dog,cat,\"two\r\nlines\"\r\n\r\n3,  \"fish\",fish,\"\"\r\n"
    let table = try Fixtures.table(text)
    #expect(table.rows.map(\.line) == [2, 3, 6])
    #expect(table.rows[0].label == "cat, tabby")
    #expect(table.rows[0].isCorrect)
    #expect(table.rows[0].extra["note"] == "she said \"hi\"")
    #expect(table.rows[1].extra["note"] == "two\r\nlines")
    #expect(!table.rows[1].isCorrect)
    #expect(table.rows[2].label == "fish" && table.rows[2].isCorrect)
    #expect(table.columns == ["id", "label", "prediction", "note"])
  }

  @Test func knownColumnsAreReadIntoTheRow() throws {
    let table = try Fixtures.table(
      "ID,Path,Label,Prediction,Human,Weight,Score,Tags,device\n"
        + "q1,a.wav,play,play,play,2.5,0.25, car-noise ; people-noise ;car-noise,phone\n")
    let row = try #require(table.rows.first)
    #expect(row.id == "q1" && row.path == "a.wav" && row.label == "play" && row.prediction == "play")
    #expect(row.humanLabel == "play" && row.isHumanCorrect == true)
    #expect(row.weight == 2.5 && row.score == 0.25)
    #expect(row.tags == ["car-noise", "people-noise"])
    #expect(row.extra == ["device": "phone"])
    #expect(table.hasWeights)
    #expect(table.extraColumns == ["device"])
  }

  /// Boolean tag columns are detected when every value is a flag and at least one is set; other columns are
  /// extra columns, including a column left entirely empty.
  @Test func booleanTagColumnsAreDetected() throws {
    let table = try Fixtures.table(
      "label,prediction,blurry,Dark-Background,gender,notes,tags\n"
        + "a,a,1,no,f,,reflection\n" + "a,b,TRUE,, m,,\n" + "a,a,0,Yes,f,,blurry\n")
    #expect(table.tagColumns == ["blurry", "Dark-Background"])
    #expect(table.extraColumns == ["gender", "notes"])
    #expect(table.rows.map(\.tags) == [["reflection", "blurry"], ["blurry"], ["blurry", "Dark-Background"]])
    #expect(table.tags == ["Dark-Background", "blurry", "reflection"])
  }

  @Test func namedTagColumnsTurnDetectionOff() throws {
    let csv = "label,prediction,blurry,speaker\na,a,1,0\na,a,0,1\n"
    let named = try Fixtures.table(csv, options: TableOptions(tagColumns: ["Blurry"]))
    #expect(named.tagColumns == ["blurry"])
    #expect(named.rows.map(\.tags) == [["blurry"], []])
    #expect(named.rows[1].extra == ["speaker": "1"])
    let none = try Fixtures.table(csv, options: TableOptions(tagColumns: []))
    #expect(none.tagColumns.isEmpty && none.rows.allSatisfy(\.isUntagged))
  }

  @Test func jsonLinesReadLikeCSV() throws {
    let text = """
      {"id": 7, "label": "cat", "prediction": "cat", "tags": ["blurry", "dark-background"], "weight": 2}
      {"id": 8, "label": "dog", "prediction": "cat", "reflection": true, "human": null, "weight": 0.5}

      {"id": 9, "label": "1.5", "prediction": 1.5, "score": 0.1, "reflection": false, "weight": 1}
      """
    let table = try Fixtures.table(text, name: "errors.jsonl")
    #expect(table.columns == ["id", "label", "prediction", "tags", "weight", "human", "reflection", "score"])
    #expect(table.rows.map(\.line) == [1, 2, 4])
    #expect(table.rows.map(\.id) == ["7", "8", "9"])
    #expect(table.rows.map(\.tags) == [["blurry", "dark-background"], ["reflection"], []])
    #expect(table.rows.map(\.isCorrect) == [true, false, true])
    #expect(table.rows.map(\.weight) == [2, 0.5, 1])
    #expect(table.rows[2].score == 0.1)
    #expect(table.rows[1].humanLabel == nil)
    #expect(table.tagColumns == ["reflection"])
  }

  @Test func formatIsDecidedByExtensionThenContent() throws {
    let jsonl = "{\"label\": \"a\", \"prediction\": \"a\"}\n"
    #expect(try Fixtures.table(jsonl, name: "errors.txt").rows.count == 1)
    #expect(try Fixtures.table(jsonl, name: "errors.data", options: TableOptions(format: .jsonl)).rows.count == 1)
    let csvNamedJSON = #expect(throws: TableError.self) {
      try Fixtures.table("label,prediction\na,a\n", name: "errors.json")
    }
    #expect(csvNamedJSON?.line == 1)
  }

  @Test func scoreRuleDecidesCorrectnessInEitherDirection() throws {
    let csv = "label,score,human_score\na,0.1,0.3\nb,0.2,\nc,0.3,0.1\n"
    let lower = try Fixtures.table(csv, options: TableOptions(scoreRule: ScoreRule(threshold: 0.2)))
    #expect(lower.rows.map(\.isCorrect) == [true, true, false])
    #expect(lower.rows.map(\.isHumanCorrect) == [false, nil, true])
    #expect(lower.rows.allSatisfy { $0.prediction == nil })
    let higher = try Fixtures.table(
      csv, options: TableOptions(scoreRule: ScoreRule(threshold: 0.2, direction: .higherIsBetter)))
    #expect(higher.rows.map(\.isCorrect) == [false, true, true])
  }

  @Test func sourceExamplesAreUntaggedCorrectRows() throws {
    let table = try Fixtures.table(
      "path,label,prediction,tags\na.wav,x,x,\nb.wav,x,y,\nc.wav,x,x,blurry\nd.wav,y,y,\n")
    #expect(table.sourceExamples.map(\.path) == ["a.wav", "d.wav"])
  }

  @Test func hlpTablesReadFractionsAndPercents() throws {
    #expect(try Fixtures.hlp("tag,human_accuracy\na,0.9\nb,1\n").accuracies == ["a": 0.9, "b": 1])
    #expect(try Fixtures.hlp("Tag,Human_Accuracy\na,90\nb,1\n").accuracies == ["a": 0.9, "b": 0.01])
    #expect(try Fixtures.hlp("tag,human_accuracy\na,93.5%\nb,0.7\n").accuracies == ["a": 0.935, "b": 0.7])
  }
}
