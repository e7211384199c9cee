import AugmentAnalysis
import Foundation
import Testing

/// Every kind of bad input is rejected with a typed error that names the file and the line to look at.
@Suite struct MalformedTableTests {
  /// Reads `text` as `name`, expecting it to fail at `line` with `kind`, and checks the message points there.
  private func expectFailure(
    _ data: Data, name: String = "errors.csv", options: TableOptions = TableOptions(), line: Int,
    kind: TableError.Kind, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let error = #expect(throws: TableError.self, sourceLocation: sourceLocation) {
      try Fixtures.table(data, name: name, options: options)
    }
    #expect(error?.kind == kind, sourceLocation: sourceLocation)
    #expect(error?.line == line, sourceLocation: sourceLocation)
    #expect(error?.description.hasPrefix("\(name), line \(line): ") == true, sourceLocation: sourceLocation)
  }

  private func expectFailure(
    _ text: String, name: String = "errors.csv", options: TableOptions = TableOptions(), line: Int,
    kind: TableError.Kind, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectFailure(
      Data(text.utf8), name: name, options: options, line: line, kind: kind, sourceLocation: sourceLocation)
  }

  @Test func raggedRow() {
    expectFailure("id,label,prediction\n1,a,a\n2,b,b\n3,c\n", line: 4, kind: .raggedRow(expected: 3, found: 2))
    expectFailure("id,label,prediction\n1,a,a,extra\n", line: 2, kind: .raggedRow(expected: 3, found: 4))
  }

  @Test func lineNumbersCountLineBreaksInsideQuotedFields() {
    let text = "id,label,prediction\n1,\"two\nline label\",x\n2,b,b\n3,c\n"
    expectFailure(text, line: 5, kind: .raggedRow(expected: 3, found: 2))
  }

  @Test func unbalancedQuoteReportsWhereTheFieldOpened() {
    expectFailure("id,label,prediction\n1,a,a\n2,\"b,b\n3,c,c\n", line: 3, kind: .unbalancedQuote)
  }

  @Test func quoteInsideAnUnquotedFieldOrAfterAClosingQuote() {
    expectFailure("id,label,prediction\n1,a\"b,a\n", line: 2, kind: .strayQuote)
    expectFailure("id,label,prediction\n1,\"a\"b,a\n", line: 2, kind: .strayQuote)
  }

  @Test func emptyFileAndHeaderWithoutRows() {
    expectFailure("", line: 1, kind: .emptyFile)
    expectFailure(" \n\n", line: 1, kind: .emptyFile)
    expectFailure("id,label,prediction\n", line: 2, kind: .noDataRows)
  }

  @Test func missingLabelColumnAndEmptyLabel() {
    expectFailure(
      "id,prediction\n1,a\n", line: 1, kind: .missingColumn("label", found: ["id", "prediction"]))
    expectFailure("id,label,prediction\n1,a,a\n2,,b\n", line: 3, kind: .missingValue(column: "label"))
    expectFailure("id,label,prediction\n1,a,\n", line: 2, kind: .missingValue(column: "prediction"))
  }

  /// A file whose first line is data rather than a header has no `label` column.
  @Test func headerlessFile() {
    expectFailure(
      "1,cat,cat\n2,dog,cat\n", line: 1, kind: .missingColumn("label", found: ["1", "cat", "cat"]))
  }

  @Test func scoreRuleNeedsAScoreInEveryRow() {
    let options = TableOptions(scoreRule: ScoreRule(threshold: 0.1))
    expectFailure(
      "id,label,prediction\n1,a,a\n", options: options, line: 1,
      kind: .missingColumn("score", found: ["id", "label", "prediction"]))
    expectFailure("id,label,score\n1,a,0.1\n2,b,\n", options: options, line: 3, kind: .missingValue(column: "score"))
  }

  @Test func unknownColumnNamedAsTagColumn() {
    expectFailure(
      "id,label,prediction,gender,blurry\n1,a,a,f,1\n", options: TableOptions(tagColumns: ["dark"]), line: 1,
      kind: .unknownColumn("dark", expected: ["gender", "blurry"]))
  }

  @Test func unknownColumnToAuditBy() throws {
    let table = try Fixtures.table("id,label,prediction,gender\n1,a,a,f\n")
    let error = #expect(throws: TableError.self) {
      try AnalysisReport(table: table, options: AnalysisOptions(groupColumns: ["accent"]))
    }
    #expect(error?.kind == .unknownColumn("accent", expected: ["gender"]))
    #expect(error?.description.hasPrefix("errors.csv, line 1: no column 'accent'") == true)
  }

  @Test func knownColumnToAuditByIsExplained() throws {
    let table = try Fixtures.table("id,label,prediction,gender\n1,a,a,f\n")
    let error = #expect(throws: TableError.self) {
      try AnalysisReport(table: table, options: AnalysisOptions(groupColumns: ["label"]))
    }
    #expect(error?.kind == .notAGroupColumn("label", groupColumns: ["gender"]))
    #expect(error?.description.contains("'label' is not a descriptive column") == true)
    #expect(error?.description.contains("here: gender") == true)
  }

  @Test func duplicateColumnsIncludingBothHumanSpellings() {
    expectFailure("id,label,Label,prediction\n1,a,a,a\n", line: 1, kind: .duplicateColumn("Label"))
    expectFailure("label,prediction,human,human_label\na,a,a,a\n", line: 1, kind: .duplicateColumn("human_label"))
  }

  @Test func utf8ByteOrderMarkIsDroppedAndLinesStillCount() throws {
    let bom = Data([0xEF, 0xBB, 0xBF])
    let table = try Fixtures.table(bom + Data("id,label,prediction\n1,a,a\n".utf8))
    #expect(table.rows.first?.id == "1")
    expectFailure(
      bom + Data("id,label,prediction\n1,a,a\n2,b\n".utf8), line: 3, kind: .raggedRow(expected: 3, found: 2))
  }

  @Test func utf16AndInnerByteOrderMarksAreRejected() {
    let utf16 = Data([0xFF, 0xFE]) + "label,prediction\n".data(using: .utf16LittleEndian)!
    expectFailure(utf16, line: 1, kind: .unsupportedEncoding("UTF-16 little-endian"))
    // Two exported files pasted together: the second one's mark sits at the start of line 3.
    expectFailure(
      "id,label,prediction\n1,a,a\n\u{FEFF}2,b,b\n", line: 3, kind: .byteOrderMarkInside)
  }

  @Test func invalidUTF8() {
    let data = Data("id,label,prediction\n1,a,a\n2,".utf8) + Data([0xC3, 0x28]) + Data(",b\n".utf8)
    expectFailure(data, line: 3, kind: .invalidUTF8)
  }

  @Test func badNumbersAndFlags() {
    expectFailure(
      "label,prediction,weight\na,a,1\nb,b,heavy\n", line: 3,
      kind: .invalidNumber(column: "weight", value: "heavy", expected: "a non-negative number"))
    expectFailure(
      "label,prediction,weight\na,a,-2\n", line: 2,
      kind: .invalidNumber(column: "weight", value: "-2", expected: "a non-negative number"))
    expectFailure("label,prediction,weight\na,a,\n", line: 2, kind: .missingValue(column: "weight"))
    expectFailure(
      "label,prediction,score\na,a,nan\n", line: 2,
      kind: .invalidNumber(column: "score", value: "nan", expected: "a finite number"))
    expectFailure(
      "label,prediction,blurry\na,a,1\nb,b,maybe\n", options: TableOptions(tagColumns: ["blurry"]), line: 3,
      kind: .invalidBoolean(column: "blurry", value: "maybe"))
  }

  @Test func reservedTagNames() {
    expectFailure("label,prediction,tags\na,a,blurry\nb,b,Overall\n", line: 3, kind: .reservedTag("Overall"))
  }

  @Test func malformedJSONLines() {
    expectFailure(
      "{\"label\": \"a\", \"prediction\": \"a\"}\n{\"label\": \"b\", \"prediction\": }\n", name: "errors.jsonl",
      line: 2, kind: .invalidJSON("The given data was not valid JSON."))
    let nested = #expect(throws: TableError.self) {
      try Fixtures.table(
        "{\"label\": \"a\", \"prediction\": \"a\"}\n\n{\"label\": {\"x\": 1}, \"prediction\": \"a\"}\n",
        name: "errors.jsonl")
    }
    #expect(nested?.line == 3)
    #expect(nested?.description.contains("errors.jsonl, line 3: not a flat JSON object") == true)
  }

  @Test func unreadableFileIsNamed() {
    let error = #expect(throws: TableError.self) {
      try ErrorTable.load(from: URL(fileURLWithPath: "/nonexistent/errors.csv"))
    }
    #expect(error?.line == nil)
    #expect(error?.description.hasPrefix("/nonexistent/errors.csv: cannot read the file") == true)
  }

  @Test func malformedHLPTables() {
    func hlpFailure(_ text: String, line: Int, kind: TableError.Kind, sourceLocation: SourceLocation = #_sourceLocation)
    {
      let error = #expect(throws: TableError.self, sourceLocation: sourceLocation) { try Fixtures.hlp(text) }
      #expect(error?.kind == kind, sourceLocation: sourceLocation)
      #expect(error?.description.hasPrefix("hlp.csv, line \(line): ") == true, sourceLocation: sourceLocation)
    }
    hlpFailure(
      "tag,human_accuracy,notes\nblurry,0.9,x\n", line: 1,
      kind: .unknownColumn("notes", expected: ["tag", "human_accuracy"]))
    hlpFailure("tag\nblurry\n", line: 1, kind: .missingColumn("human_accuracy", found: ["tag"]))
    hlpFailure("tag,human_accuracy\nblurry,0.9\nblurry,0.8\n", line: 3, kind: .duplicateTag("blurry"))
    hlpFailure(
      "tag,human_accuracy\nblurry,0.9\ndark,120\n", line: 3,
      kind: .invalidNumber(
        column: "human_accuracy", value: "120", expected: "an accuracy (a fraction 0...1, or a percent 0...100)"))
    hlpFailure("tag,human_accuracy\n,0.9\n", line: 2, kind: .missingValue(column: "tag"))
    hlpFailure("tag,human_accuracy\n", line: 2, kind: .noDataRows)
  }
}
