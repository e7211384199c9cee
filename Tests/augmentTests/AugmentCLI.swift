import Foundation

/// Runs the built `augment` executable, as a user would, and captures what it prints.
struct AugmentCLI {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The repository root, where `samples/` and `noise-banks/` live.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `augment` binary beside the test bundle in the build's products folder.
  static var executable: URL {
    Bundle.main.bundleURL.appendingPathComponent("augment")
  }

  static func sample(_ path: String) -> String { root.appendingPathComponent("samples/\(path)").path }
  static var noiseBanks: String { root.appendingPathComponent("noise-banks").path }

  @discardableResult
  static func run(_ arguments: [String], in folder: URL? = nil) throws -> Output {
    try capture(try start(arguments, in: folder))
  }

  /// Runs `process` to its end and returns its status and what it printed.
  static func capture(_ process: Process) throws -> Output {
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// A configured, not yet started process (for tests that interrupt a run).
  static func start(_ arguments: [String], in folder: URL? = nil) throws -> Process {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? root
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    return process
  }
}

/// A fresh folder under the system temporary directory, removed when the value is released.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("augment-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}
