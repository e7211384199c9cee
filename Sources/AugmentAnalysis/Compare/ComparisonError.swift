/// Why two error analyses could not be compared: a bad confidence level, analyses made with different options,
/// tables of different kinds of media or without a slice in common, or
/// an augmentation manifest that cannot be read or holds a line without a slice. Problems with the tables
/// themselves are ``TableError``s.
public enum ComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A confidence level outside the open interval 0...1.
  case invalidConfidence(Double)
  /// The two analyses judge correctness or human-level performance differently, so their figures do not compare.
  case incomparableAnalyses(String)
  /// Tables whose rows point at different kinds of media (speech and images): their slices are not comparable.
  case differentMedia(before: String, after: String)
  /// Tables with tags, none of which they share: no slice can be compared.
  case noSharedSlices(before: String, after: String)
  /// A manifest file that could not be read at all (missing, unreadable).
  case unreadableManifest(path: String, reason: String)
  /// A manifest line that is not a JSON object with a string `slice`; `line` is 1-based.
  case invalidManifestLine(path: String, line: Int, detail: String)

  public var description: String {
    switch self {
    case .invalidConfidence(let confidence):
      return "the confidence level \(confidence) is not between 0 and 1; use e.g. 0.95 for 95% intervals"
    case .incomparableAnalyses(let difference):
      return "the analyses do not compare: \(difference); analyse both tables with the same options"
    case .differentMedia(let before, let after):
      return "\(before) and \(after) hold different kinds of media; compare two tables of the same model's task"
    case .noSharedSlices(let before, let after):
      return "\(before) and \(after) share no slice; compare two analyses of the same data"
    case .unreadableManifest(let path, let reason):
      return "\(path): cannot read the manifest (\(reason)); check the path"
    case .invalidManifestLine(let path, let line, let detail):
      return "\(path), line \(line): not a manifest record (\(detail)); "
        + "pass the manifest.jsonl files written by an augmentation run"
    }
  }
}
