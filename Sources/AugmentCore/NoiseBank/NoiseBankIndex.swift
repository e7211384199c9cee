import Foundation
import MediaIO

/// The clips found under a noise bank's category folders, and the files that had to be left out.
struct NoiseBankIndex {
  var clipsByCategory: [String: [String]] = [:]
  var problems: [MediaError] = []

  /// Walks every non-hidden sub-folder of `root`, reading the header of each audio file.
  init(root: URL) {
    let manager = FileManager.default
    let folders = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
    for category in folders.sorted() where !category.hasPrefix(".") {
      var isFolder: ObjCBool = false
      let folder = root.appendingPathComponent(category)
      guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
      var clips: [String] = []
      for relative in Self.audioFiles(under: folder) {
        let clip = category + "/" + relative
        do {
          _ = try AudioFile.info(at: root.appendingPathComponent(clip))
          clips.append(clip)
        } catch let error as MediaError {
          problems.append(error)
        } catch {
          problems.append(.corrupt(path: root.appendingPathComponent(clip).path, detail: String(describing: error)))
        }
      }
      clipsByCategory[category] = clips.sorted()
    }
  }

  /// Paths relative to `folder` of the files below it that are audio by content or by name, skipping hidden
  /// files and folders; anything else in a bank is not a clip.
  ///
  /// A file named as audio is listed whatever it holds, and so is a named pipe, a symbolic link loop or a
  /// link to nothing with an audio name, so that the reader refuses each with its own reason rather than
  /// it being dropped in silence.
  private static func audioFiles(under folder: URL) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var found: [String] = []
    while let relative = walker.nextObject() as? String {
      let components = relative.split(separator: "/")
      guard !components.contains(where: { $0.hasPrefix(".") }) else { continue }
      var isFolder: ObjCBool = false
      let file = folder.appendingPathComponent(relative)
      let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder)
      guard !(exists && isFolder.boolValue),
        MediaFormat.judge(file)?.kind == .audio || MediaFormat(fileExtension: file.pathExtension)?.kind == .audio
      else { continue }
      found.append(relative)
    }
    return found
  }
}
