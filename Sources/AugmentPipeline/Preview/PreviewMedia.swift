import AugmentCore
import Foundation
import MediaIO

/// One media file a card shows: a source in the dataset folder or an output in the run folder.
struct PreviewMedia: Hashable, Sendable {
  enum Kind: Sendable { case audio, image }

  /// The path as the record writes it.
  let path: String
  let kind: Kind
  /// The file, or `nil` when the path is refused.
  let url: URL?
  /// For audio, the spectrogram's path inside the run folder, `preview/<name>.jpg`.
  let spectrogram: String?
  /// Why the file cannot be shown when that is known before reading it (a refused path, a missing file).
  let problem: String?
}

/// Finds the files the records name: outputs relative to the run folder, sources relative to the dataset's folder,
/// neither allowed to leave its folder unless the run allowed outside paths.
struct MediaLocator {
  /// Generated files live in this subfolder of the run folder.
  static let previewFolderName = "preview"

  /// Rejected candidates remade for the page live in this subfolder of ``previewFolderName``.
  static let rejectedFolderName = "rejected"

  let runFolder: URL
  let outputs: DatasetPaths
  let sources: DatasetPaths
  /// The error-analysis table (or dataset folder) the run read.
  let table: URL
  /// The `--predictions` file the run read for a folder dataset, from `run.json`.
  let predictions: URL?

  /// Locates the dataset from `options.dataset`, else from the first `run.json`, whose `dataset`, `--media-root`
  /// and `--predictions` are relative to the run folder (or absolute).
  init(runFolder: URL, records: RunRecords, options: PreviewOptions) throws {
    self.runFolder = runFolder
    outputs = DatasetPaths(root: runFolder)
    let table: URL
    if let dataset = options.dataset {
      table = dataset
    } else if let identity = records.identities.first {
      // Appended rather than `URL(fileURLWithPath:relativeTo:)`, which resolves against the run folder's parent
      // when its URL does not end in a slash.
      let dataset = identity.dataset
      table = dataset.hasPrefix("/") ? URL(fileURLWithPath: dataset) : runFolder.appendingPathComponent(dataset)
    } else {
      throw PreviewError.unknownDataset(runFolder.path)
    }
    self.table = table
    let settings = options.dataset == nil ? records.identities.first?.sources : nil
    predictions = settings?.predictions.map { Self.inRunFolder($0, runFolder) }
    var isFolder: ObjCBool = false
    let tableIsFolder = FileManager.default.fileExists(atPath: table.path, isDirectory: &isFolder) && isFolder.boolValue
    let root =
      settings?.mediaRoot.map { Self.inRunFolder($0, runFolder) }
      ?? (tableIsFolder ? table : table.deletingLastPathComponent())
    sources = DatasetPaths(root: root.standardizedFileURL, allowOutside: options.allowOutsidePaths)
  }

  /// `path` as `run.json` writes it: relative to the run folder, or absolute.
  private static func inRunFolder(_ path: String, _ runFolder: URL) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : runFolder.appendingPathComponent(path)
  }

  /// A file the table names; `role` keeps the spectrograms of a source and of a real member apart.
  func source(_ path: String, role: String = "source") -> PreviewMedia {
    let refusal = "the path leaves the dataset folder \(sources.root.path); pass --allow-outside-paths to show it"
    return media(path, role: role, url: sources.resolve(path), refusal: refusal)
  }

  /// A rejected candidate remade into `preview/rejected/`; `problem` says why it could not be remade.
  func candidate(_ name: String, kind: PreviewMedia.Kind, problem: String?) -> PreviewMedia {
    let path = "\(Self.previewFolderName)/\(Self.rejectedFolderName)/\(name)"
    let spectrogram = kind == .audio ? "\(Self.previewFolderName)/\(Self.spectrogramName(path, role: "candidate"))" : nil
    return PreviewMedia(
      path: path, kind: kind, url: runFolder.appendingPathComponent(path), spectrogram: spectrogram, problem: problem)
  }

  func output(_ path: String) -> PreviewMedia {
    media(path, role: "output", url: outputs.resolve(path), refusal: "the path leaves the run folder \(runFolder.path)")
  }

  private func media(_ path: String, role: String, url: URL?, refusal: String) -> PreviewMedia {
    let format = url.flatMap(MediaFormat.judge) ?? MediaFormat(fileExtension: (path as NSString).pathExtension)
    let kind: PreviewMedia.Kind = format?.kind == .image ? .image : .audio
    let problem: String?
    if url == nil {
      problem = refusal
    } else if let url, !Self.isFile(url) {
      problem = "no such file: \(url.path)"
    } else {
      problem = nil
    }
    let spectrogram = kind == .audio ? "\(Self.previewFolderName)/\(Self.spectrogramName(path, role: role))" : nil
    return PreviewMedia(path: path, kind: kind, url: url, spectrogram: spectrogram, problem: problem)
  }

  /// `<stem>-<hash>.jpg`: readable, and distinct for distinct paths even when their stems agree.
  private static func spectrogramName(_ path: String, role: String) -> String {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let plain = stem.unicodeScalars.map { scalar -> Character in
      let kept = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
      return kept || scalar == "-" ? Character(scalar) : "_"
    }
    let hash = String(FNV1a.hash64("\(role):\(path)") >> 32, radix: 16)
    return "\(String(plain))-\(String(repeating: "0", count: 8 - hash.count))\(hash).jpg"
  }

  private static func isFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
