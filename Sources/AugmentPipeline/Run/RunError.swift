/// Why a slice run could not start or go on. Each message says what to do.
public enum RunError: Error, Equatable, CustomStringConvertible {
  case invalidShard(String)
  case missingInput(String, what: String)
  case folderInUse(String)
  case nothingToResume(String)
  case differentRun(String, detail: String)
  case noSources(slice: String, table: String, selection: String)
  case notWeak(slice: String, explanation: String)
  case modalityMismatch(slice: String, table: String)
  case cannotWrite(String, reason: String)

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
    case .noSources(let slice, let table, let selection):
      "\(table): no \(selection) examples to make \(slice) samples from. Choose others with --sources."
    case .notWeak(let slice, let explanation):
      "not augmenting \(slice): \(explanation) Pass --force to augment it anyway."
    case .modalityMismatch(let slice, let table):
      "\(table) does not hold the kind of media the \(slice) recipe makes. Pass the right table with --dataset."
    case .cannotWrite(let path, let reason):
      "\(path): cannot write (\(reason)). Check free space and permissions."
    }
  }
}
