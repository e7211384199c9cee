import Foundation

/// Why a preview could not be written. Each case names the folder or file, and the message says what to do.
public enum PreviewError: Error, Equatable, CustomStringConvertible {
  /// The folder holds neither a manifest nor a `run.json`.
  case notARun(String)
  /// Nothing says where the run's dataset is: no `run.json`, and no table was given.
  case unknownDataset(String)
  /// A run file exists but cannot be read or decoded.
  case unreadable(String, reason: String)
  /// One line of a JSON Lines file does not decode.
  case badLine(String, line: Int, reason: String)
  /// A preview file cannot be written.
  case cannotWrite(String, reason: String)
  /// An option is out of range.
  case invalidOption(String)

  public var description: String {
    switch self {
    case .notARun(let folder):
      "\(folder) holds no manifest.jsonl or run.json: not the output folder of a run. Pass the folder given to --out."
    case .unknownDataset(let folder):
      "\(folder) has no run.json saying which dataset the run read. Pass the table with --dataset."
    case .unreadable(let file, let reason):
      "\(file): cannot be read (\(reason)). Check the file, or run the slice again."
    case .badLine(let file, let line, let reason):
      "\(file):\(line): not a valid record (\(reason)). Remove or repair the line."
    case .cannotWrite(let path, let reason):
      "\(path): cannot write (\(reason)). Check free space and permissions."
    case .invalidOption(let detail):
      "invalid option: \(detail)."
    }
  }

  /// The coding path and the decoder's account, without Foundation's debug dump.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return error.localizedDescription }
    switch error {
    case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
    @unknown default:
      return "\(error)"
    }
  }
}
