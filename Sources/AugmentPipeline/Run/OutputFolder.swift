import Foundation

/// A run's output folder: its media, `manifest.jsonl`, `rejected.jsonl`, `summary.json` and `run.json`.
///
/// A new run needs an empty (or new) folder, so nothing already written is ever overwritten; `--resume`
/// reopens a folder holding the same run and continues after the samples its manifest lists.
public final class OutputFolder: Sendable {
  public let url: URL
  let manifestURL: URL
  let rejectedURL: URL
  let summaryURL: URL
  let identityURL: URL

  /// File names carry the shard, so shards can share one folder: `manifest.jsonl` unsharded,
  /// `manifest.shard-2-of-4.jsonl` for shard 2 of 4.
  public init(url: URL, shard: Shard?) {
    self.url = url
    let suffix = shard.map { ".shard-\($0.index)-of-\($0.count)" } ?? ""
    manifestURL = url.appendingPathComponent("manifest\(suffix).jsonl")
    rejectedURL = url.appendingPathComponent("rejected\(suffix).jsonl")
    summaryURL = url.appendingPathComponent("summary\(suffix).json")
    identityURL = url.appendingPathComponent("run\(suffix).json")
  }

  /// Creates or reopens the folder and returns the samples already made there.
  public func open(for identity: RunIdentity, resume: Bool) throws -> [ManifestRecord] {
    let files = FileManager.default
    try create()
    removeStalePartials()
    if !resume {
      let ownFiles = [manifestURL, rejectedURL, summaryURL, identityURL].filter { files.fileExists(atPath: $0.path) }
      let entries = (try? files.contentsOfDirectory(atPath: url.path)) ?? []
      let shardedFolder = identity.shard != nil
      // A shard may join a folder its sibling shards write to; it never reuses its own files.
      guard ownFiles.isEmpty, shardedFolder || entries.isEmpty else { throw RunError.folderInUse(url.path) }
      try write(identity: identity)
      return []
    }
    guard let data = try? Data(contentsOf: identityURL) else { throw RunError.nothingToResume(url.path) }
    let previous = try JSONDecoder().decode(RunIdentity.self, from: data)
    if let difference = Self.difference(previous, identity) {
      throw RunError.differentRun(url.path, detail: difference)
    }
    if identity.count != previous.count { try write(identity: identity) }
    return try keepCompleteRecords()
  }

  /// Appends records in the order given and flushes them to disk.
  func append<T: Encodable>(_ records: [T], to file: URL) throws {
    guard !records.isEmpty else { return }
    let data = try JSONLines.encode(records)
    if !FileManager.default.fileExists(atPath: file.path) {
      guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
        throw RunError.cannotWrite(file.path, reason: "cannot create the file")
      }
    }
    do {
      let handle = try FileHandle(forWritingTo: file)
      defer { try? handle.close() }
      try handle.seekToEnd()
      try handle.write(contentsOf: data)
      try handle.synchronize()
    } catch {
      throw RunError.cannotWrite(file.path, reason: error.localizedDescription)
    }
  }

  func writeSummary(_ summary: RunSummary) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    try writeAtomically(try encoder.encode(summary), to: summaryURL)
  }

  func write(identity: RunIdentity) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try writeAtomically(try encoder.encode(identity), to: identityURL)
  }

  func writeAtomically(_ data: Data, to file: URL) throws {
    do {
      try data.write(to: file, options: .atomic)
    } catch {
      throw RunError.cannotWrite(file.path, reason: error.localizedDescription)
    }
  }

  private func create() throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw RunError.cannotWrite(url.path, reason: error.localizedDescription)
    }
  }

  /// A killed run can leave `.<name>.partial-…` files behind (media is written under such a name and
  /// renamed when complete); they are never a finished sample, so they go.
  private func removeStalePartials() {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in entries where name.hasPrefix(".") && name.contains(".partial-") {
      try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
  }

  /// The manifest's complete lines whose output file exists; the manifest is rewritten to just those,
  /// dropping a line cut off by a kill.
  private func keepCompleteRecords() throws -> [ManifestRecord] {
    guard let data = try? Data(contentsOf: manifestURL) else { return [] }
    let (records, validLength) = JSONLines.decode(ManifestRecord.self, from: data)
    let present = records.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent($0.output).path) }
    if present.count != records.count || validLength != data.count {
      try writeAtomically(try JSONLines.encode(present), to: manifestURL)
    }
    // Rejections of samples that are not finished will be made again, identically, by the resumed run.
    if let rejectedData = try? Data(contentsOf: rejectedURL) {
      let finished = Set(present.map(\.index))
      let kept = JSONLines.decode(RejectionRecord.self, from: rejectedData).records.filter { finished.contains($0.index) }
      try writeAtomically(try JSONLines.encode(kept), to: rejectedURL)
    }
    return present
  }

  private static func difference(_ old: RunIdentity, _ new: RunIdentity) -> String? {
    if old.slice != new.slice { return "slice \(old.slice), not \(new.slice)" }
    if old.seed != new.seed { return "seed \(old.seed), not \(new.seed)" }
    if old.recipeHash != new.recipeHash { return "recipe \(old.recipeHash), not \(new.recipeHash)" }
    if old.dataset != new.dataset { return "dataset \(old.dataset), not \(new.dataset)" }
    if old.sources != new.sources {
      return "sources \(old.sources?.description ?? "in table order"), not \(new.sources?.description ?? "in table order")"
    }
    if old.shard != new.shard { return "shard \(old.shard?.description ?? "none"), not \(new.shard?.description ?? "none")" }
    return nil
  }
}
