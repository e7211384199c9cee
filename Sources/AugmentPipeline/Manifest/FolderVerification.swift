import Foundation

/// `augment verify DIR`: every output a manifest of the folder names, checked against its recorded size and
/// SHA-256, and the files no manifest names.
///
/// The manifests are `manifest.jsonl` and every shard's `manifest.shard-K-of-N.jsonl`, so a sharded folder
/// can be checked before and after its merge.
public struct FolderVerification: Sendable, Equatable {
  /// Output files checked (once each, however many manifests name them).
  public var checked: Int
  /// Outputs missing, changed or unreadable, by name.
  public var problems: [OutputProblem]
  /// Manifest lines that do not decode (`manifest.jsonl:12`), whose outputs could not be checked.
  public var unreadableLines: [String]
  /// Files in the folder that no manifest line names: not a failure of the run, but not part of it.
  public var unlisted: [String]

  /// Whether every listed output is there, unchanged, and every manifest line could be read.
  public var passed: Bool { problems.isEmpty && unreadableLines.isEmpty }

  public static func verify(_ folder: URL) throws(VerificationError) -> FolderVerification {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw .noFolder(folder.path)
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      throw .unreadable(folder.path, reason: error.localizedDescription)
    }
    let manifests = names.filter { RunRecords.isRunFile($0, stem: "manifest", extension: "jsonl") }
    guard !manifests.isEmpty else { throw .noManifest(folder.path) }

    var records: [String: ManifestRecord] = [:]
    var unreadableLines: [String] = []
    for name in manifests {
      let data: Data
      do {
        data = try Data(contentsOf: folder.appendingPathComponent(name))
      } catch {
        throw .unreadable(folder.appendingPathComponent(name).path, reason: error.localizedDescription)
      }
      let (decoded, validLength) = JSONLines.decode(ManifestRecord.self, from: data)
      if validLength != data.count { unreadableLines.append("\(name):\(decoded.count + 1)") }
      for record in decoded where records[record.output] == nil { records[record.output] = record }
    }
    let problems = records.keys.sorted().compactMap { records[$0]!.outputProblem(in: folder) }
    let unlisted = names.filter { name in
      records[name] == nil && !isRunOwnFile(name) && isRegularFile(folder.appendingPathComponent(name))
    }
    return FolderVerification(
      checked: records.count, problems: problems, unreadableLines: unreadableLines, unlisted: unlisted)
  }

  /// The files a run or its preview writes besides its media; hidden files are locks and partial writes.
  private static func isRunOwnFile(_ name: String) -> Bool {
    name.hasPrefix(".") || name == PreviewWriter.pageName || name == PreviewWriter.contactSheetName
      || [("manifest", "jsonl"), ("rejected", "jsonl"), ("summary", "json"), ("run", "json"),
        (RealismMembers.fileStem, "json")].contains {
        RunRecords.isRunFile(name, stem: $0.0, extension: $0.1)
      }
  }

  private static func isRegularFile(_ url: URL) -> Bool {
    (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile ?? false
  }
}

/// Why a folder could not be verified at all.
public enum VerificationError: Error, Equatable, CustomStringConvertible {
  case noFolder(String)
  case noManifest(String)
  case unreadable(String, reason: String)

  public var description: String {
    switch self {
    case .noFolder(let path): "\(path): no such folder."
    case .noManifest(let path): "\(path) holds no manifest.jsonl (nor a shard's manifest): it is not a run folder."
    case .unreadable(let path, let reason): "\(path): cannot be read (\(reason))."
    }
  }
}
