import ArgumentParser
import Foundation

/// The inputs, output folder and thread count every folder workload takes.
struct FolderOptions: ParsableArguments {
  @Option(help: "The folder of inputs (read in name order).")
  var input: String

  @Option(help: "The folder outputs are written to (created if missing).")
  var out: String?

  @Option(help: "Worker threads, each processing whole files.")
  var jobs: Int = 1

  @Option(help: "Process only the first N inputs.")
  var limit: Int?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
  }

  /// The input files whose names start with `prefix` and end in `.ext`, sorted by name.
  func inputs(prefix: String = "", extension ext: String) throws -> [URL] {
    try Self.files(in: input, prefix: prefix, extension: ext, limit: limit)
  }

  /// The files in `folder` whose names start with `prefix` and end in `.ext`, sorted by name, at most
  /// `limit` of them.
  static func files(in folder: String, prefix: String = "", extension ext: String, limit: Int? = nil) throws -> [URL] {
    let folder = URL(fileURLWithPath: folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix("." + ext) }
      .sorted()
    guard !names.isEmpty else {
      throw ValidationError("\(folder.path): no \(prefix)*.\(ext) files. Run bench/run.sh to generate the inputs.")
    }
    return names.prefix(limit ?? names.count).map { folder.appendingPathComponent($0) }
  }

  /// The output folder, created if needed.
  func outputFolder() throws -> URL {
    guard let out else { throw ValidationError("This workload writes files: give --out.") }
    let folder = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
