import ArgumentParser
import AugmentAnalysis
import AugmentCore
import AugmentPipeline
import Foundation
import MediaIO

/// Exit statuses shared by every subcommand (BSD `sysexits.h` values where one fits). The README lists them.
extension ExitCode {
  /// A slice run made fewer samples than asked only because too few sources were usable (each skipped
  /// source is counted by reason): nothing failed, the data holds too little that the checklist can judge.
  /// No `sysexits.h` value means this, so it takes a small one of its own.
  static let tooFewUsableSources = ExitCode(3)
  /// Some inputs could not be read, or candidates kept failing; the others were processed and reported.
  static let dataError = ExitCode(65)
  /// A required input (file, folder, table) does not exist.
  static let missingInput = ExitCode(66)
  /// Output could not be written, or another process holds the output folder.
  static let cannotWrite = ExitCode(73)
  /// The model command (`--model-cmd`) could not start, ended, timed out or answered wrongly; the batches
  /// written before it stay, and `--resume` continues once it works.
  static let modelFailed = ExitCode(69)
  /// A slice run was interrupted (Ctrl-C, SIGTERM); `--resume` continues it.
  static let interrupted = ExitCode(130)

  /// The status an error ends a command with: the one table every subcommand maps its errors through.
  ///
  /// An `ExitCode` thrown on purpose keeps its value; anything not listed is malformed data (65).
  init(for error: any Error) {
    switch error {
    case let code as ExitCode: self = code
    case RunError.notWeak: self = .failure
    // Names given on the command line (--slice, a column for --balance or --sources-where) that do not exist,
    // and options found wrong once their files are read, are usage errors like an unknown option.
    case RecipeError.unknownSlice, RunError.unknownColumn, is ValidationError: self = .validationFailure
    case is ModelError: self = .modelFailed
    case RunError.cannotWrite, RunError.folderLocked, MediaError.writeFailed: self = .cannotWrite
    case RunError.missingInput, MediaError.fileNotFound, NoiseBankError.notAFolder, VerificationError.noFolder:
      self = .missingInput
    case RecipeError.unreadableFile, PlanError.unreadableReport, ComparisonError.unreadableManifest:
      self = .missingInput
    case ReplayError.noRunFile, ReplayError.unknownSample, TransformContextError.noNoiseBanks: self = .missingInput
    case TransformContextError.noImpulseResponseBanks, TransformContextError.impulseResponseBankNotAFolder:
      self = .missingInput
    case let table as TableError:
      if case .unreadable = table.kind { self = .missingInput } else { self = .dataError }
    case let preview as PreviewError:
      switch preview {
      case .notARun, .unknownDataset: self = .missingInput
      case .cannotWrite: self = .cannotWrite
      case .unreadable, .badLine, .invalidOption: self = .dataError
      }
    default: self = .dataError
    }
  }
}

/// Prints `error` on standard error (unless it is a bare exit status, which has nothing to say) and returns
/// the status it ends the command with.
@discardableResult
func report(_ error: any Error) -> ExitCode {
  if !(error is ExitCode) {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  }
  return ExitCode(for: error)
}

/// Runs a subcommand's work; an error is printed once and becomes the exit status `ExitCode(for:)` gives it.
func reportingErrors<Result>(_ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch {
    throw report(error)
  }
}
