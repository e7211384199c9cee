import ArgumentParser
import Foundation

/// Turns command-line paths into a sorted list of files, walking folders recursively. Every regular file
/// that is not hidden is listed, whatever its name: its content says what it is.
enum MediaFileList {
  static func expand(_ paths: [String]) throws -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        FileHandle.standardError.write(Data("error: \(path): no such file or folder\n".utf8))
        throw ExitCode.missingInput
      }
      guard isFolder.boolValue else {
        files.append(URL(fileURLWithPath: path))
        continue
      }
      let root = URL(fileURLWithPath: path)
      let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])?
        .compactMap { $0 as? URL }
        .filter { !$0.lastPathComponent.hasPrefix(".") && (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        .sorted { $0.path < $1.path } ?? []
      files += found.map { URL(fileURLWithPath: path + String($0.path.dropFirst(root.path.count))) }
    }
    return files
  }
}
