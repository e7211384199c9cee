import Foundation
import MediaIO

/// What is wrong with an output file a manifest line names.
public enum OutputProblem: Sendable, Equatable, CustomStringConvertible {
  /// No file at the recorded name.
  case missing(String)
  /// The file's size or SHA-256 differs from the manifest's.
  case changed(String, detail: String)
  /// The file could not be read.
  case unreadable(String, reason: String)

  /// The output's name, relative to the run folder.
  public var output: String {
    switch self {
    case .missing(let output), .changed(let output, _), .unreadable(let output, _): output
    }
  }

  public var description: String {
    switch self {
    case .missing(let output): "\(output): missing"
    case .changed(let output, let detail): "\(output): changed (\(detail))"
    case .unreadable(let output, let reason): "\(output): unreadable (\(reason))"
    }
  }
}

extension ManifestRecord {
  /// Reads the output file in `folder` through and compares its size and SHA-256 with the recorded ones;
  /// nil when they match.
  public func outputProblem(in folder: URL) -> OutputProblem? {
    let found: FileDigest
    do {
      found = try FileDigest(of: folder.appendingPathComponent(output))
    } catch .fileNotFound {
      return .missing(output)
    } catch {
      return .unreadable(output, reason: "\(error)")
    }
    if found.size != size { return .changed(output, detail: "\(found.size) bytes, recorded \(size)") }
    if found.sha256 != sha256 { return .changed(output, detail: "SHA-256 \(found.sha256), recorded \(sha256)") }
    return nil
  }
}
