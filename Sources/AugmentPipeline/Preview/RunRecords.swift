import Foundation

/// Everything a run folder records, from its unsharded files and from every shard's
/// (`manifest.jsonl`, `manifest.shard-K-of-N.jsonl`, …), in a stable order.
struct RunRecords {
  /// Each `run*.json`, in file-name order.
  var identities: [RunIdentity]
  /// Each `summary*.json`, in file-name order.
  var summaries: [RunSummary]
  /// Every accepted sample, by sample index.
  var accepted: [ManifestRecord]
  /// Every rejected candidate, by sample index and attempt.
  var rejected: [RejectionRecord]
  /// Each summary's realism measurement, in the order of ``summaries``; `nil` where a summary has none.
  var realism: [RealismFigure?] = []
  /// The realism gate's record of each accepted sample, by sample id, where the manifest holds one.
  var acceptedRealism: [String: RecordRealism] = [:]
  /// The realism gate's record of each rejected candidate, by `index/attempt`, where it holds one.
  var rejectedRealism: [String: RecordRealism] = [:]

  static func key(_ record: RejectionRecord) -> String { "\(record.index)/\(record.attempt)" }

  /// Reads the run files in `folder`; a folder with no manifest and no `run.json` is not a run.
  static func load(from folder: URL) throws -> RunRecords {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      throw PreviewError.unreadable(folder.path, reason: error.localizedDescription)
    }
    func files(_ stem: String, _ ext: String) -> [URL] {
      names.filter { isRunFile($0, stem: stem, extension: ext) }.map { folder.appendingPathComponent($0) }
    }
    let manifests = files("manifest", "jsonl")
    let identityFiles = files("run", "json")
    guard !manifests.isEmpty || !identityFiles.isEmpty else { throw PreviewError.notARun(folder.path) }
    let accepted = try manifests.flatMap { try decodeLines(RecordWithRealism<ManifestRecord>.self, from: $0) }
    let rejected = try files("rejected", "jsonl").flatMap {
      try decodeLines(RecordWithRealism<RejectionRecord>.self, from: $0)
    }
    let summaryFiles = files("summary", "json")
    var records = RunRecords(
      identities: try identityFiles.map { try decodeDocument(RunIdentity.self, from: $0) },
      summaries: try summaryFiles.map { try decodeDocument(RunSummary.self, from: $0) },
      accepted: accepted.map(\.record).sorted { ($0.index, $0.id) < ($1.index, $1.id) },
      rejected: rejected.map(\.record).sorted { ($0.index, $0.attempt) < ($1.index, $1.attempt) })
    records.realism = try summaryFiles.map { try decodeDocument(RealismFigure.InSummary.self, from: $0).realism }
    for line in accepted { records.acceptedRealism[line.record.id] = line.realism }
    for line in rejected { records.rejectedRealism[key(line.record)] = line.realism }
    return records
  }

  /// `stem.ext` or `stem.shard-K-of-N.ext`, the names ``OutputFolder`` gives a run's files.
  static func isRunFile(_ name: String, stem: String, extension ext: String) -> Bool {
    guard name.hasPrefix(stem + "."), name.hasSuffix("." + ext) else { return false }
    let middle = name.dropFirst(stem.count).dropLast(ext.count + 1)
    return middle.isEmpty || middle.wholeMatch(of: /\.shard-[0-9]+-of-[0-9]+/) != nil
  }

  private static func read(_ file: URL) throws -> Data {
    do {
      return try Data(contentsOf: file)
    } catch {
      throw PreviewError.unreadable(file.path, reason: error.localizedDescription)
    }
  }

  private static func decodeDocument<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
    do {
      return try JSONDecoder().decode(T.self, from: try read(file))
    } catch let error as PreviewError {
      throw error
    } catch {
      throw PreviewError.unreadable(file.path, reason: PreviewError.reason(error))
    }
  }

  /// Every non-empty line decoded; a line that does not decode is an error naming its number.
  private static func decodeLines<T: Decodable>(_ type: T.Type, from file: URL) throws -> [T] {
    let decoder = JSONDecoder()
    let lines = try read(file).split(separator: 0x0A, omittingEmptySubsequences: false)
    return try lines.enumerated().compactMap { number, line in
      guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { return nil }
      do {
        return try decoder.decode(T.self, from: line)
      } catch {
        throw PreviewError.badLine(file.path, line: number + 1, reason: PreviewError.reason(error))
      }
    }
  }
}
