import AugmentAnalysis
import Foundation
import FuzzSupport

/// Error-analysis tables as `augment analyze` reads them: each input is read as CSV (RFC 4180 quoting) and
/// as JSON Lines, each with correctness from the prediction and from a score threshold, and as a
/// human-level-performance table; every table that reads is analysed.
///
/// Every input must either read or throw a ``TableError``; a table that reads must analyse (or be refused
/// with a ``TableError``), and its report must print, encode as JSON and decode back to the same report.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Data(fuzzBytes(data, size))
  for format in TableFormat.allCases {
    for scoreRule in [nil, ScoreRule(threshold: 0.25)] {
      check(bytes, format: format, scoreRule: scoreRule)
    }
  }
  _ = expectingTableError { try HLPTable(data: bytes, source: "fuzz-hlp.csv") }
  return 0
}

/// Reads `bytes` as a table in `format`, then analyses it.
private func check(_ bytes: Data, format: TableFormat, scoreRule: ScoreRule?) {
  let source = URL(fileURLWithPath: "fuzz.\(format.rawValue)")
  let tableOptions = TableOptions(format: format, scoreRule: scoreRule)
  guard let table = expectingTableError({ try ErrorTable(data: bytes, source: source, options: tableOptions) })
  else { return }
  let options = AnalysisOptions(groupColumns: table.extraColumns)
  guard let report = expectingTableError({ try AnalysisReport(table: table, options: options) }) else { return }
  _ = ReportFormatter.format(report)
  do {
    let decoded = try AnalysisReport.decode(from: report.jsonData(), source: source.path)
    fuzzCheck(decoded == report, "the report's JSON decodes to a different report")
  } catch {
    fuzzFailure("the analysis of a table that reads cannot be written and read back as JSON: \(error)")
  }
}

/// The value `body` returns, or `nil` when it throws a ``TableError``; any other error is a failure.
private func expectingTableError<T>(_ body: () throws -> T) -> T? {
  do {
    return try body()
  } catch is TableError {
    return nil
  } catch {
    fuzzFailure("threw \(type(of: error)), not a TableError: \(error)")
  }
}
