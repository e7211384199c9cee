import Foundation

/// How many augmented samples each slice received, counted from the `slice` of every line of the runs'
/// `manifest.jsonl` files, so a comparison can show next to each slice's change what was done to it.
public struct ManifestCounts: Equatable, Sendable {
  /// The manifest files, as given.
  public var manifests: [String]
  /// Accepted samples by slice name, summed over every manifest.
  public var samplesBySlice: [String: Int]

  public init(manifests: [String], samplesBySlice: [String: Int]) {
    self.manifests = manifests
    self.samplesBySlice = samplesBySlice
  }

  /// Counts the lines of each manifest by slice. Only the `slice` key of each line is read; lines holding
  /// nothing but whitespace are skipped.
  /// - Throws: ``ComparisonError/unreadableManifest(path:reason:)`` for a file that cannot be read, and
  ///   ``ComparisonError/invalidManifestLine(path:line:detail:)`` naming the first line that is not a JSON object
  ///   with a string `slice`.
  public init(contentsOf urls: [URL]) throws {
    var counts: [String: Int] = [:]
    for url in urls {
      let data: Data
      do {
        data = try Data(contentsOf: url)
      } catch {
        throw ComparisonError.unreadableManifest(path: url.relativePath, reason: error.localizedDescription)
      }
      counts.merge(try Self.count(data, path: url.relativePath), uniquingKeysWith: +)
    }
    self.init(manifests: urls.map(\.relativePath), samplesBySlice: counts)
  }

  /// Every sample counted.
  public var total: Int { samplesBySlice.values.reduce(0, +) }

  private struct SliceField: Decodable {
    var slice: String
  }

  private static func count(_ data: Data, path: String) throws -> [String: Int] {
    let decoder = JSONDecoder()
    var counts: [String: Int] = [:]
    for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      guard line.contains(where: { !Self.isWhitespace($0) }) else { continue }
      do {
        counts[try decoder.decode(SliceField.self, from: line).slice, default: 0] += 1
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
