import Foundation

/// A run's output folder: its media, `manifest.jsonl`, `rejected.jsonl`, `summary.json`, `run.json` and,
/// for media with realism features, `realism-members.json`.
///
/// A new run needs an empty (or new) folder, so nothing already written is ever overwritten; `--resume`
/// reopens a folder holding the same run and continues after the samples its manifest lists. A process
/// holds the folder's ``lock()`` while it writes there, so two runs never append to one manifest.
public final class OutputFolder: Sendable {
  public let url: URL
  let shard: Shard?
  let manifestURL: URL
  let rejectedURL: URL
  let summaryURL: URL
  let identityURL: URL
  let realismMembersURL: URL

  /// File names carry the shard, so shards can share one folder: `manifest.jsonl` unsharded,
  /// `manifest.shard-2-of-4.jsonl` for shard 2 of 4.
  public init(url: URL, shard: Shard?) {
    self.url = url
    self.shard = shard
    let suffix = shard.map { ".shard-\($0.index)-of-\($0.count)" } ?? ""
    manifestURL = url.appendingPathComponent("manifest\(suffix).jsonl")
    rejectedURL = url.appendingPathComponent("rejected\(suffix).jsonl")
    summaryURL = url.appendingPathComponent("summary\(suffix).json")
    identityURL = url.appendingPathComponent("run\(suffix).json")
    realismMembersURL = url.appendingPathComponent("\(RealismMembers.fileStem)\(suffix).json")
  }

  /// What a reopened folder already holds: its finished samples and the rejections made on the way to them.
  public struct Contents: Sendable {
    public var records: [ManifestRecord]
    public var rejections: [RejectionRecord]

    public static let empty = Contents(records: [], rejections: [])
  }

  /// Creates the folder if needed and takes its lock (this shard's, when sharded) for as long as the
  /// returned value lives; throws ``RunError/folderLocked(_:pid:)`` when another process holds it.
  public func lock() throws -> FolderLock {
    try create()
    return try FolderLock(folder: url, access: shard.map(FolderLock.Access.shard) ?? .whole)
  }

  /// Opens the folder, under its ``lock()``, and returns what it already holds.
  public func open(for identity: RunIdentity, resume: Bool) throws -> Contents {
    let files = FileManager.default
    try create()
    removeStalePartials(of: identity)
    if !resume {
      let ownFiles = [manifestURL, rejectedURL, summaryURL, identityURL, realismMembersURL].filter { files.fileExists(atPath: $0.path) }
      let entries = ((try? files.contentsOfDirectory(atPath: url.path)) ?? []).filter { !FolderLock.isLockFile($0) }
      let shardedFolder = identity.shard != nil
      // A shard may join a folder its sibling shards write to; it never reuses its own files.
      guard ownFiles.isEmpty, shardedFolder || entries.isEmpty else { throw RunError.folderInUse(url.path) }
      try write(identity: identity)
      return .empty
    }
    guard let data = try? Data(contentsOf: identityURL) else { throw RunError.nothingToResume(url.path) }
    let previous = try JSONDecoder().decode(RunIdentity.self, from: data)
    if let difference = Self.difference(previous, identity) {
      throw RunError.differentRun(url.path, detail: difference)
    }
    // run.json records what the folder was asked for; a smaller resume would leave it describing more
    // samples than the run sets out to make.
    guard identity.count >= previous.count else {
      throw RunError.countBelowRecorded(url.path, recorded: previous.count, asked: identity.count)
    }
    if identity.count > previous.count { try write(identity: identity) }
    return try keepCompleteRecords()
  }

  /// The run this folder already holds, read without changing anything: its `run.json` and how many of its
  /// manifest's samples are complete (the count a resume would keep). `nil` when the folder holds no run.
  /// - Throws: a decoding error for a `run.json` that cannot be read as one.
  public func existingRun() throws -> (identity: RunIdentity, samples: Int)? {
    guard let data = try? Data(contentsOf: identityURL) else { return nil }
    let identity = try JSONDecoder().decode(RunIdentity.self, from: data)
    let manifest = (try? Data(contentsOf: manifestURL)) ?? Data()
    return (identity, completeRecords(in: JSONLines.decode(ManifestRecord.self, from: manifest).records).count)
  }

  /// Appends records in the order given.
  ///
  /// They are not forced to disk: a process that is killed leaves what it wrote in the page cache, and a
  /// resume after a crash keeps only records whose files exist at their recorded size (`augment verify`
  /// checks their digests), so a sync per batch (a fifth of a 300-image run's wall time) bought nothing.
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
    } catch {
      throw RunError.cannotWrite(file.path, reason: error.localizedDescription)
    }
  }

  func writeSummary(_ summary: RunSummary) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    try writeAtomically(try encoder.encode(summary), to: summaryURL)
  }

  func write(realismMembers: RealismMembers) throws {
    try writeAtomically(try realismMembers.encoded(), to: realismMembersURL)
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
  /// renamed when complete); they are never a finished sample, so they go. A shard removes only those of
  /// its own samples (`.<slice>-<index>.<ext>.partial-…` with the index in the shard): its siblings may be
  /// writing theirs in the same folder at this moment. An unsharded run or resume holds the whole folder.
  private func removeStalePartials(of identity: RunIdentity) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in entries where name.hasPrefix(".") && name.contains(".partial-") {
      if let shard = identity.shard {
        guard let index = Self.sampleIndex(ofPartial: name, slice: identity.slice), shard.contains(index) else { continue }
      }
      try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
  }

  /// The sample index in a partial file's name, `.<slice>-<index>.<ext>.partial-…`; `nil` for any other name.
  static func sampleIndex(ofPartial name: String, slice: String) -> Int? {
    let prefix = ".\(slice)-"
    guard name.hasPrefix(prefix) else { return nil }
    let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, name.dropFirst(prefix.count + digits.count).first == "." else { return nil }
    return Int(digits)
  }

  /// The manifest's complete lines whose output file exists with the recorded size; the manifest is
  /// rewritten to just those, dropping a line cut off by a kill, and `rejected.jsonl` to the rejections
  /// of those samples. (Digests are not read back here: that is `augment verify`'s full read.)
  private func keepCompleteRecords() throws -> Contents {
    guard let data = try? Data(contentsOf: manifestURL) else { return .empty }
    let (records, validLength) = JSONLines.decode(ManifestRecord.self, from: data)
    let present = completeRecords(in: records)
    if present.count != records.count || validLength != data.count {
      try writeAtomically(try JSONLines.encode(present), to: manifestURL)
    }
    // Rejections of samples that are not finished will be made again, identically, by the resumed run.
    var kept: [RejectionRecord] = []
    if let rejectedData = try? Data(contentsOf: rejectedURL) {
      let finished = Set(present.map(\.index))
      kept = JSONLines.decode(RejectionRecord.self, from: rejectedData).records.filter { finished.contains($0.index) }
      try writeAtomically(try JSONLines.encode(kept), to: rejectedURL)
    }
    return Contents(records: present, rejections: kept)
  }

  /// The records whose output file exists with the recorded size.
  private func completeRecords(in records: [ManifestRecord]) -> [ManifestRecord] {
    records.filter { record in
      let attributes = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(record.output).path)
      return (attributes?[.size] as? NSNumber)?.intValue == record.size
    }
  }

  private static func difference(_ old: RunIdentity, _ new: RunIdentity) -> String? {
    if old.slice != new.slice { return "slice \(old.slice), not \(new.slice)" }
    if old.seed != new.seed { return "seed \(old.seed), not \(new.seed)" }
    if old.recipeHash != new.recipeHash { return "recipe \(old.recipeHash), not \(new.recipeHash)" }
    if old.dataset != new.dataset { return "dataset \(old.dataset), not \(new.dataset)" }
    if old.sources != new.sources {
      return "sources \(old.sources?.description ?? "in table order"), not \(new.sources?.description ?? "in table order")"
    }
    if old.output != new.output { return "samples written as \(old.output ?? "before formats were recorded"), not \(new.output ?? "unrecorded")" }
    if old.model != new.model { return "model \(old.model ?? "not asked"), not \(new.model ?? "not asked")" }
    if old.shard != new.shard { return "shard \(old.shard?.description ?? "none"), not \(new.shard?.description ?? "none")" }
    return nil
  }
}
