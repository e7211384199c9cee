import Foundation
import MediaIO

/// How many augmented samples each slice received, counted from the `slice` of every line of the runs'
/// `manifest.jsonl` files, so a comparison can show next to each slice's change what was done to it.
///
/// Samples are counted per slice and per kind of media, judged from each line's `output` file: a glob such as
/// `augmented/*/manifest.jsonl` gathers speech and image runs alike, and only the kind the compared tables hold
/// belongs next to their slices.
public struct ManifestCounts: Equatable, Sendable {
  /// The manifest files, as given.
  public var manifests: [String]
  /// Accepted samples by slice name, summed over every manifest.
  public var samplesBySlice: [String: Int]
  /// Accepted samples by kind of media, then slice; samples whose output's kind cannot be told are under `nil`.
  public var samplesByKind: [MediaFormat.Kind?: [String: Int]]

  /// Counts whose every sample is of `kind` (`nil`: not known).
  public init(manifests: [String], samplesBySlice: [String: Int], kind: MediaFormat.Kind? = nil) {
    self.manifests = manifests
    self.samplesBySlice = samplesBySlice
    samplesByKind = samplesBySlice.isEmpty ? [:] : [kind: samplesBySlice]
  }

  /// The samples of slices whose media is of `kinds` (or of no kind that could be told), and the others.
  func split(keeping kinds: Set<MediaFormat.Kind>) -> (kept: [String: Int], other: [MediaFormat.Kind: [String: Int]]) {
    var kept: [String: Int] = [:]
    var other: [MediaFormat.Kind: [String: Int]] = [:]
    for (kind, counts) in samplesByKind {
      if let kind, !kinds.isEmpty, !kinds.contains(kind) {
        other[kind] = counts
      } else {
        kept.merge(counts, uniquingKeysWith: +)
      }
    }
    return (kept, other)
  }

  /// Counts the lines of each manifest by slice and kind of media. Only the `slice` and `output` keys of each line
  /// are read (the output is judged in the manifest's folder); lines holding nothing but whitespace are skipped.
  /// - Throws: ``ComparisonError/unreadableManifest(path:reason:)`` for a file that cannot be read, and
  ///   ``ComparisonError/invalidManifestLine(path:line:detail:)`` naming the first line that is not a JSON object
  ///   with a string `slice`.
  public init(contentsOf urls: [URL]) throws {
    var counts: [MediaFormat.Kind?: [String: Int]] = [:]
    for url in urls {
      let data: Data
      do {
        data = try Data(contentsOf: url)
      } catch {
        throw ComparisonError.unreadableManifest(path: url.relativePath, reason: error.localizedDescription)
      }
      for (kind, slices) in try Self.count(data, path: url.relativePath, folder: url.deletingLastPathComponent()) {
        counts[kind, default: [:]].merge(slices, uniquingKeysWith: +)
      }
    }
    manifests = urls.map(\.relativePath)
    samplesByKind = counts
    samplesBySlice = counts.values.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) }
  }

  /// Every sample counted.
  public var total: Int { samplesBySlice.values.reduce(0, +) }

  private struct SliceField: Decodable {
    var slice: String
    var output: String?
  }

  private static func count(_ data: Data, path: String, folder: URL) throws -> [MediaFormat.Kind?: [String: Int]] {
    let decoder = JSONDecoder()
    var counts: [MediaFormat.Kind?: [String: Int]] = [:]
    for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      guard line.contains(where: { !Self.isWhitespace($0) }) else { continue }
      do {
        let fields = try decoder.decode(SliceField.self, from: line)
        let kind = fields.output.flatMap { MediaFormat.judge(folder.appendingPathComponent($0))?.kind }
        counts[kind, default: [:]][fields.slice, default: 0] += 1
      } catch let error as DecodingError {
        throw ComparisonError.invalidManifestLine(path: path, line: index + 1, detail: Self.detail(of: error))
      }
    }
    return counts
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
  }

  private static func detail(of error: DecodingError) -> String {
    switch error {
    case .keyNotFound: "no \"slice\" key"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      context.codingPath.isEmpty ? "not a JSON object" : "\"slice\" is not a string"
    default: "not JSON: \(error.summary)"
    }
  }
}
