import AugmentCore

/// Why a slice run could not start or go on. Each message says what to do.
public enum RunError: Error, Equatable, CustomStringConvertible {
  case invalidShard(String)
  case missingInput(String, what: String)
  case folderInUse(String)
  case nothingToResume(String)
  case differentRun(String, detail: String)
  /// A resume asked for fewer samples than the folder's run was asked for.
  case countBelowRecorded(String, recorded: Int, asked: Int)
  /// Another process (a run, resume, shard or merge) holds the output folder; its ID when it wrote one.
  case folderLocked(String, pid: Int32?)
  case noSources(slice: String, table: String, selection: String)
  case notWeak(slice: String, explanation: String)
  case modalityMismatch(slice: String, table: String)
  case cannotWrite(String, reason: String)
  case invalidSourceFilter(String)
  case unknownColumn(String, table: String, option: String, available: [String])
  case predictionsNeedAFolder(String)

  public var description: String {
    switch self {
    case .missingInput(let path, let what):
      "\(path): no such \(what)."
    case .invalidShard(let text):
      "invalid shard “\(text)”: write K/N with 0 ≤ K < N, e.g. --shard 0/4."
    case .folderInUse(let path):
      "\(path) already holds files. Pass --resume to continue the run there, or choose another --out."
    case .nothingToResume(let path):
      "\(path) holds no run to resume (no run.json). Run without --resume."
    case .differentRun(let path, let detail):
      "\(path) holds a different run (\(detail)). Resume with the same settings, or choose another --out."
    case .countBelowRecorded(let path, let recorded, let asked):
      "\(path) holds a run of \(recorded) samples; a resume cannot lower it to \(asked). "
        + "Resume with --count \(recorded) or more, or choose another --out."
    case .folderLocked(let path, let pid):
      "\(path) is in use by \(pid.map { "process \($0)" } ?? "another process") (a run, resume, shard or merge). "
        + "Wait for it to finish, or use another folder."
    case .noSources(let slice, let table, let selection):
      "\(table): no \(selection) examples to make \(slice) samples from. Choose others with --sources."
    case .notWeak(let slice, let explanation):
      "not augmenting \(slice): \(explanation) Pass --force to augment it anyway."
    case .modalityMismatch(let slice, let table):
      "\(table) does not hold the kind of media the \(slice) recipe makes. Pass the right table with --dataset."
    case .cannotWrite(let path, let reason):
      "\(path): cannot write (\(reason)). Check free space and permissions."
    case .invalidSourceFilter(let text):
      "--sources-where “\(text)”: write COLUMN=VALUE, e.g. --sources-where split=train."
    case .unknownColumn(let column, let table, let option, let available):
      "\(table): no column “\(column)” for \(option)"
        + (ClosestMatch.suggestion(for: column, among: available).map { "; did you mean “\($0)”?" } ?? "") + "; "
        + (available.isEmpty ? "the table has no descriptive columns." : "choose one of: \(available.joined(separator: ", ")).")
    case .predictionsNeedAFolder(let table):
      "\(table) is a table: put the predictions in it. --predictions joins predictions to a folder dataset (--dataset DIR)."
    }
  }
}
