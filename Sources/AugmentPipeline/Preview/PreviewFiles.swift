import Foundation

/// Folder and file housekeeping for the preview's own files, each failure a ``PreviewError`` naming the path.
enum PreviewFiles {
  static func createFolder(_ url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: error.localizedDescription)
    }
  }

  static func remove(_ url: URL) throws {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw PreviewError.cannotWrite(url.path, reason: error.localizedDescription)
    }
  }

  /// Removes the files of an earlier preview under `preview/` (and `preview/rejected/`) that this one does not
  /// show, so the folder matches the page. `kept` holds paths relative to the run folder.
  static func removeStale(in runFolder: URL, keeping kept: Set<String>) throws {
    let preview = MediaLocator.previewFolderName
    for folder in [preview, "\(preview)/\(MediaLocator.rejectedFolderName)"] {
      let url = runFolder.appendingPathComponent(folder)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: url.path)
      } catch {
        throw PreviewError.cannotWrite(url.path, reason: error.localizedDescription)
      }
      let media = [".jpg", ".png", ".wav"]
      for name in names where media.contains(where: name.hasSuffix) && !kept.contains("\(folder)/\(name)") {
        try remove(url.appendingPathComponent(name))
      }
    }
  }
}
