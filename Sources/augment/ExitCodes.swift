import ArgumentParser

/// Exit statuses shared by every subcommand (BSD `sysexits.h` values where one fits).
extension ExitCode {
  /// A slice run made fewer samples than asked only because too few sources were usable (each skipped
  /// source is counted by reason): nothing failed, the data holds too little that the checklist can judge.
  /// No `sysexits.h` value means this, so it takes a small one of its own.
  static let tooFewUsableSources = ExitCode(3)
  /// Some inputs could not be read, or candidates kept failing; the others were processed and reported.
  static let dataError = ExitCode(65)
  /// A required input (file, folder, table) does not exist.
  static let missingInput = ExitCode(66)
  /// Output could not be written.
  static let cannotWrite = ExitCode(73)
  /// A slice run was interrupted (Ctrl-C, SIGTERM); `--resume` continues it.
  static let interrupted = ExitCode(130)
}
