import Foundation
import MediaIO

/// Reads a dataset folder, in the layouts datasets already come in, into the ``ErrorTable`` the equivalent table
/// would give, so a folder can be analysed and augmented without writing a table that sits above its media.
///
/// ## Layouts
/// - **Class subfolders** (torchvision `ImageFolder`, Hugging Face `audiofolder` and `imagefolder`):
///   `DIR/<label>/…/<file>`; the label is the first folder under `DIR`.
/// - **Split folders** around either layout: when every folder directly under `DIR` is named like a split
///   (``splitNames``), `DIR/<split>/<label>/…/<file>`, and the split becomes the `split` column.
/// - **Hugging Face metadata**: a `metadata.csv` or `metadata.jsonl` in `DIR` or in a split folder, with a
///   `file_name` column (relative to the metadata file's folder) and any other columns; its `label` column, when
///   present, gives the label instead of the folder, and its `id` column the id.
///
/// Media files are recognised by MediaIO (``MediaFormat/judge(_:)``: content, else extension); others (the
/// metadata, notes, hidden files) are ignored. The model's predictions, tags, human labels and weights come from `predictions`, a CSV or JSON Lines
/// table joined on `file_name` (the path relative to `DIR`) when it has that column, else on `id`; or from the
/// metadata when it holds a `prediction` or `score` column. Every file needs exactly one prediction row, and every
/// row must name a file: a mismatch is an error naming both, never a silently dropped example.
///
/// Each file becomes one row, in path order: `id` (the metadata's, else the path without its extension), `path`,
/// `label`, `split` (split layouts), then the metadata's and the predictions table's columns, read by the same
/// rules as a table's (``ErrorTable``).
public enum FolderDataset {
  /// Folder names read as splits, compared case-insensitively; the `split` column keeps the name as written.
  public static let splitNames: Set<String> = [
    "train", "training", "test", "testing", "validation", "valid", "val", "dev", "eval",
  ]

  static let metadataNames = ["metadata.csv", "metadata.jsonl"]

  /// - Throws: ``FolderDatasetError`` or ``TableError``, naming the file.
  public static func load(from folder: URL, predictions: URL?, options: TableOptions = TableOptions()) throws
    -> ErrorTable
  {
    let files = try mediaFiles(in: folder)
    guard !files.isEmpty else { throw FolderDatasetError.noMedia(folder: folder.relativePath) }
    let tops = Set(files.compactMap { $0.contains("/") ? String($0.prefix { $0 != "/" }) : nil })
    let hasSplits =
      !tops.isEmpty && files.allSatisfy { $0.contains("/") } && tops.allSatisfy { splitNames.contains($0.lowercased()) }

    var merged = MergedColumns(files: files)
    for file in files {
      merged.set("id", String(file.prefix(upTo: file.lastIndex(of: ".")!)), for: file)
      merged.set("path", file, for: file)
      if hasSplits { merged.set("split", String(file.prefix { $0 != "/" }), for: file) }
    }
    for prefix in [""] + (hasSplits ? tops.sorted().map { $0 + "/" } : []) {
      for name in metadataNames {
        let url = folder.appendingPathComponent(prefix + name)
        guard FileManager.default.fileExists(atPath: url.path) else { continue }
        let table = try RawTable.read(try contents(of: url), source: url, format: nil)
        try merged.join(table, on: "file_name", keyOf: { prefix + normalized($0) }, keys: files, overriding: ["id"])
      }
    }
    for file in files where merged.value("label", for: file) == nil {
      let parts = file.split(separator: "/")
      let classIndex = hasSplits ? 1 : 0
      guard parts.count > classIndex + 1 else {
        throw FolderDatasetError.noLabel(file: folder.appendingPathComponent(file).relativePath)
      }
      merged.set("label", String(parts[classIndex]), for: file)
    }
    if let predictions {
      let table = try RawTable.read(try contents(of: predictions), source: predictions, format: options.format)
      let lowered = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      let key = lowered.contains("file_name") ? "file_name" : "id"
      guard lowered.contains(key) else {
        throw FolderDatasetError.noJoinColumn(table: table.path, found: table.header)
      }
      let ids = Dictionary(files.map { (merged.value(key == "id" ? "id" : "path", for: $0) ?? $0, $0) }) { a, _ in a }
      try merged.join(table, on: key, keyOf: normalized, keys: Array(ids.keys), file: { ids[$0]! }, overriding: [])
      if let file = files.first(where: { merged.line(of: $0, in: table.path) == nil }) {
        throw FolderDatasetError.missingPrediction(
          file: folder.appendingPathComponent(file).relativePath, table: table.path,
          key: merged.value(key == "id" ? "id" : "path", for: file) ?? file)
      }
    } else if !merged.hasColumn("prediction") && !merged.hasColumn("score") {
      throw FolderDatasetError.noPredictions(folder: folder.relativePath)
    }
    let raw = RawTable(
      path: predictions?.relativePath ?? folder.relativePath, header: merged.header,
      records: files.map { RawTable.Record(line: merged.line(of: $0) ?? 1, fields: merged.fields(of: $0)) })
    return try ErrorTable(raw: raw, source: folder, options: options)
  }

  /// The media files under `folder`, as paths relative to it, sorted bytewise; hidden files and folders skipped.
  static func mediaFiles(in folder: URL) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else {
      throw TableError(path: folder.relativePath, line: nil, kind: .unreadable(reason: "not a readable folder"))
    }
    var files: [String] = []
    while let path = walker.nextObject() as? String {
      guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
        MediaFormat.judge(folder.appendingPathComponent(path)) != nil
      else { continue }
      files.append(path)
    }
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func contents(of url: URL) throws -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw TableError(path: url.relativePath, line: nil, kind: .unreadable(reason: error.localizedDescription))
    }
  }

  /// A `file_name` as written, without a leading `./`.
  private static func normalized(_ name: String) -> String {
    name.hasPrefix("./") ? String(name.dropFirst(2)) : name
  }
}
