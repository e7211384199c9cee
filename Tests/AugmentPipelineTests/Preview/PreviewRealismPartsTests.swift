import Foundation
import Testing

@testable import AugmentPipeline

/// The rounding of shown values, the contact sheet's spread, and the realism fields the page reads.
@Suite struct PreviewRealismPartsTests {
  @Test func valuesAreRoundedToWhatTheyMean() {
    #expect(PreviewNumber.format(12.345678, for: "blind-snr-db") == "12.3")
    #expect(PreviewNumber.format(-21.18234, for: "loudness-lufs") == "-21.2")
    #expect(PreviewNumber.format(0.8765432109876, for: "stoi") == "0.877")
    #expect(PreviewNumber.format(0.98765, for: "ssim") == "0.988")
    #expect(PreviewNumber.format(3, for: "stoi") == "3")
    #expect(PreviewNumber.format(98_795.4, for: "offset") == "98795")
    #expect(PreviewNumber.format(0.000123456, for: "sigma") == "0.000123")
    #expect(PreviewNumber.format(0, for: "sigma") == "0")
    #expect(PreviewNumber.format(.nan, for: "stoi") == "NaN")
  }

  @Test func spreadRunsFromLowestThroughMedianToHighest() {
    #expect(ContactSheet.Spread.picks(count: 11, rows: 3) == [0, 5, 10])
    #expect(ContactSheet.Spread.picks(count: 100, rows: 5) == [0, 25, 50, 74, 99])
    #expect(ContactSheet.Spread.picks(count: 4, rows: 9) == [0, 1, 2, 3])
    #expect(ContactSheet.Spread.picks(count: 7, rows: 1) == [3])
    #expect(ContactSheet.Spread.picks(count: 7, rows: 0) == [])
  }

  @Test func realismFieldsAreReadFromTheSummaryAndTheVerdict() throws {
    let measured = #"{"realism": {"c2st_auc": 0.61, "c2st_auc_ci": [0.55, 0.67], "members": 10, "accepted": 40,"#
      + #" "ungated_c2st_auc": 0.83, "ungated_c2st_auc_ci": [0.78, 0.88], "features": ["a", "b"]}}"#
    let figure = try JSONDecoder().decode(RealismFigure.InSummary.self, from: Data(measured.utf8)).realism
    guard case .measured(let values) = figure else {
      Issue.record("expected a measurement, got \(String(describing: figure))")
      return
    }
    #expect(values.c2stAUC == 0.61 && values.ungatedC2STAUCCI == [0.78, 0.88] && values.members == 10)
    let chart = RealismChart.svg(values)
    #expect(chart.contains(">0.610</text>") && chart.contains(">0.830</text>"))

    let absent = try JSONDecoder().decode(RealismFigure.InSummary.self, from: Data(#"{"made": 3}"#.utf8))
    #expect(absent.realism == nil)
    let notMeasured = try JSONDecoder().decode(
      RealismFigure.InSummary.self, from: Data(#"{"realism": "not measured"}"#.utf8))
    #expect(notMeasured.realism == .notMeasured)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(RealismFigure.InSummary.self, from: Data(#"{"realism": "maybe"}"#.utf8))
    }

    let line = #"{"checks": {"realism-knn": {"rule": "realism-knn", "nearest_member": "car-03","#
      + #" "features": {"level": -20.5}}, "stoi": {"rule": "stoi"}}}"#
    struct Empty: Decodable {}
    let record = try JSONDecoder().decode(RecordWithRealism<Empty>.self, from: Data(line.utf8))
    #expect(record.realism?.nearestMember == "car-03")
    #expect(record.realism?.features == ["level": -20.5])
    let without = try JSONDecoder().decode(RecordWithRealism<Empty>.self, from: Data(#"{"checks": {}}"#.utf8))
    #expect(without.realism == nil)
  }
}
