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
  /// For audio, the spectrogram's path inside the run folder, `preview/<name>.png`.
  let spectrogram: String?
  /// Why the file cannot be shown when that is known before reading it (a refused path, a missing file).
  let problem: String?
}

/// Finds the files the records name: outputs relative to the run folder, sources relative to the dataset's folder,
/// neither allowed to leave its folder unless the run allowed outside paths.
struct MediaLocator {
  /// Generated files live in this subfolder of the run folder.
  static let previewFolderName = "preview"

  let runFolder: URL
  let outputs: DatasetPaths
  let sources: DatasetPaths

  /// Locates the dataset from `options.dataset`, else from the first `run.json`, whose `dataset` is relative
  /// to the run folder (or absolute).
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
    sources = DatasetPaths(root: table.deletingLastPathComponent(), allowOutside: options.allowOutsidePaths)
  }

  func source(_ path: String) -> PreviewMedia {
    let refusal = "the path leaves the dataset folder \(sources.root.path); pass --allow-outside-paths to show it"
    return media(path, role: "source", url: sources.resolve(path), refusal: refusal)
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

  /// `<stem>-<hash>.png`: readable, and distinct for distinct paths even when their stems agree.
  private static func spectrogramName(_ path: String, role: String) -> String {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let plain = stem.unicodeScalars.map { scalar -> Character in
      let kept = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
      return kept || scalar == "-" ? Character(scalar) : "_"
    }
    let hash = String(FNV1a.hash64("\(role):\(path)") >> 32, radix: 16)
    return "\(String(plain))-\(String(repeating: "0", count: 8 - hash.count))\(hash).png"
  }

  private static func isFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
