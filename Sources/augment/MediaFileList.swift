import ArgumentParser
import Foundation

/// Turns command-line paths into a sorted list of files, walking folders recursively.
///
/// Everything that is not hidden and not a folder is listed, whatever its name or type: its content says
/// what it is, and a named pipe, a device or a symbolic link that loops or leads nowhere is then refused
/// by the reader with its own message rather than left out in silence or called missing.
enum MediaFileList {
  static func expand(_ paths: [String]) throws -> [URL] {
    var files: [URL] = []
    for path in paths {
      // `lstat` sees a link even when what it points to is missing or loops back.
      var link = stat()
      guard lstat(path, &link) == 0 else {
        FileHandle.standardError.write(Data("error: \(path): no such file or folder\n".utf8))
        throw ExitCode.missingInput
      }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
        files.append(URL(fileURLWithPath: path))
        continue
      }
      let root = URL(fileURLWithPath: path)
      let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])?
        .compactMap { $0 as? URL }
        .filter { !$0.lastPathComponent.hasPrefix(".") }
        .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true }
        .sorted { $0.path < $1.path } ?? []
      files += found.map { URL(fileURLWithPath: path + String($0.path.dropFirst(root.path.count))) }
    }
    return files
  }
}
