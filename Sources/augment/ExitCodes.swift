import ArgumentParser

/// Exit statuses shared by every subcommand (BSD `sysexits.h` values where one fits).
extension ExitCode {
  /// Some inputs could not be read; the others were processed and reported.
  static let dataError = ExitCode(65)
  /// A required input (file, folder, table) does not exist.
  static let missingInput = ExitCode(66)
  /// Output could not be written.
  static let cannotWrite = ExitCode(73)
  /// A slice run was interrupted (Ctrl-C, SIGTERM); `--resume` continues it.
  static let interrupted = ExitCode(130)
}
