import ArgumentParser
import AugmentAnalysis
import Foundation

/// Runs `body`; when an input table or analysis is missing or malformed, prints the error (which names the file,
/// and the line where there is one) on standard error and exits with the matching status.
func reportingAnalysisErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as TableError {
    if case .unreadable = error.kind { try exit(error, status: .missingInput) }
    try exit(error, status: .dataError)
  } catch let error as FolderDatasetError {
    try exit(error, status: .dataError)
  } catch let error as PlanError {
    if case .unreadableReport = error { try exit(error, status: .missingInput) }
    try exit(error, status: .dataError)
  }
}

private func exit(_ error: some Error, status: ExitCode) throws -> Never {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  throw status
}
