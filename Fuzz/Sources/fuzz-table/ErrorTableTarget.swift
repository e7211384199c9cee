import AugmentAnalysis
import Foundation
import FuzzSupport

/// Error-analysis tables as `augment analyze` reads them: each input is read as CSV (RFC 4180 quoting),
/// as JSON Lines, and as a human-level-performance table, and every table that reads is analysed.
///
/// Every input must either read or throw a ``TableError``; a table that reads must analyse (or be refused
/// with a ``TableError``), and its report must print, encode as JSON and decode back to the same report.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Data(fuzzBytes(data, size))
  for format in TableFormat.allCases {
    let source = URL(fileURLWithPath: "fuzz.\(format.rawValue)")
    guard let table = expectingTableError({ try ErrorTable(data: bytes, source: source, options: TableOptions(format: format)) })
    else { continue }
    let options = AnalysisOptions(groupColumns: table.extraColumns)
    guard let report = expectingTableError({ try AnalysisReport(table: table, options: options) }) else { continue }
    _ = ReportFormatter.format(report)
    do {
      let decoded = try AnalysisReport.decode(from: report.jsonData(), source: source.path)
      fuzzCheck(decoded == report, "the report's JSON decodes to a different report")
    } catch {
      fuzzFailure("the analysis of a table that reads cannot be written and read back as JSON: \(error)")
    }
  }
  _ = expectingTableError { try HLPTable(data: bytes, source: "fuzz-hlp.csv") }
  return 0
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
