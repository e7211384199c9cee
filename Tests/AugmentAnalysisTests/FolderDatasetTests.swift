import AugmentAnalysis
import Foundation
import Testing

/// Dataset folders in the layouts of torchvision `ImageFolder` and Hugging Face `audiofolder`/`imagefolder` read
/// into exactly the rows of the equivalent table. Media files are empty here: a folder is read by name only.
@Suite struct FolderDatasetTests {
  /// A fresh folder holding `files` (path → contents), removed when released.
  final class DatasetFolder {
    let url: URL

    init(_ files: [String: String]) throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("augment-folder-\(UUID().uuidString)")
      for (path, text) in files {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
      }
    }

    func file(_ path: String) -> URL { url.appendingPathComponent(path) }

    deinit { try? FileManager.default.removeItem(at: url) }
  }

  /// The rows without their line numbers (a folder's rows point at other lines than the table's).
  static func rows(_ table: ErrorTable) -> [ErrorRow] {
    table.rows.map { row in
      var row = row
      row.line = 0
      return row
    }
  }

  static func equivalent(_ csv: String) throws -> [ErrorRow] {
    rows(try ErrorTable(data: Data(csv.utf8), source: URL(fileURLWithPath: "/t/equivalent.csv")))
  }

  /// torchvision `ImageFolder`: the class is the folder; predictions and tags joined on `file_name`; notes,
  /// hidden folders and the predictions file itself are not media.
  @Test func classSubfoldersWithPredictionsJoinedOnFileName() throws {
    let folder = try DatasetFolder([
      "cat/a.png": "", "cat/sub/b.JPG": "", "dog/c.png": "", "README.txt": "", ".cache/cat/d.png": "",
      "predictions.csv": "file_name,prediction,tags,camera\n./dog/c.png,cat,dark-background,b\ncat/a.png,cat,,a\ncat/sub/b.JPG,dog,reflection;dark-background,a\n",
    ])
    let table = try FolderDataset.load(from: folder.url, predictions: folder.file("predictions.csv"))
    #expect(table.source == folder.url)
    #expect(Self.rows(table) == (try Self.equivalent("""
      id,path,label,prediction,tags,camera
      cat/a,cat/a.png,cat,cat,,a
      cat/sub/b,cat/sub/b.JPG,cat,dog,reflection;dark-background,a
      dog/c,dog/c.png,dog,cat,dark-background,b
      """)))
    // Rows point at the predictions line they were joined from.
    #expect(table.rows.map(\.line) == [3, 4, 2])
  }

  /// Hugging Face split folders around class folders, predictions (JSON Lines, tags as an array) joined on `id`.
  @Test func splitFoldersWithPredictionsJoinedOnID() throws {
    let folder = try DatasetFolder([
      "train/yes/0a.wav": "", "train/no/0b.wav": "", "test/yes/1a.wav": "", "validation/no/2a.flac": "",
    ])
    let predictions = try DatasetFolder([
      "p.jsonl": """
        {"id": "train/yes/0a", "prediction": "yes", "tags": []}
        {"id": "train/no/0b", "prediction": "yes", "tags": ["car-noise"], "speaker": "s2"}
        {"id": "test/yes/1a", "prediction": "yes", "speaker": "s1"}
        {"id": "validation/no/2a", "prediction": "no", "speaker": "s1"}
        """
    ])
    let table = try FolderDataset.load(from: folder.url, predictions: predictions.file("p.jsonl"))
    #expect(Self.rows(table) == (try Self.equivalent("""
      id,path,label,split,prediction,tags,speaker
      test/yes/1a,test/yes/1a.wav,yes,test,yes,,s1
      train/no/0b,train/no/0b.wav,no,train,yes,car-noise,s2
      train/yes/0a,train/yes/0a.wav,yes,train,yes,,
      validation/no/2a,validation/no/2a.flac,no,validation,no,,s1
      """)))
  }

  /// Hugging Face `metadata.csv` at the root gives labels and other columns (and here the predictions too);
  /// `metadata.jsonl` in split folders names files relative to its own folder.
  @Test func metadataFilesGiveLabelsAndColumns() throws {
    let root = try DatasetFolder([
      "clips/1.wav": "", "clips/2.wav": "",
      "metadata.csv": "file_name,label,speaker,prediction\nclips/2.wav,two,s9,two\nclips/1.wav,one,s8,seven\n",
    ])
    #expect(Self.rows(try FolderDataset.load(from: root.url, predictions: nil)) == (try Self.equivalent("""
      id,path,label,speaker,prediction
      clips/1,clips/1.wav,one,s8,seven
      clips/2,clips/2.wav,two,s9,two
      """)))

    let splits = try DatasetFolder([
      "train/a.png": "", "train/b.png": "", "test/c.png": "",
      "train/metadata.jsonl": "{\"file_name\": \"a.png\", \"label\": \"scratch\"}\n{\"file_name\": \"b.png\", \"label\": \"ok\"}\n",
      "test/metadata.jsonl": "{\"file_name\": \"c.png\", \"label\": \"dent\", \"id\": \"c-17\"}\n",
    ])
    let predictions = try DatasetFolder(["p.csv": "file_name,prediction\ntrain/a.png,ok\ntrain/b.png,ok\ntest/c.png,dent\n"])
    #expect(Self.rows(try FolderDataset.load(from: splits.url, predictions: predictions.file("p.csv"))) == (try Self.equivalent("""
      id,path,label,split,prediction
      c-17,test/c.png,dent,test,dent
      train/a,train/a.png,scratch,train,ok
      train/b,train/b.png,ok,train,ok
      """)))
  }

  /// Mismatches between files and tables are errors naming both, never dropped rows.
  @Test func mismatchesAreErrorsNamingTheFile() throws {
    let folder = try DatasetFolder(["cat/a.png": "", "dog/b.png": ""])
    let predictions = try DatasetFolder([
      "missing.csv": "file_name,prediction\ncat/a.png,cat\n",
      "unknown.csv": "file_name,prediction\ncat/a.png,cat\ndog/b.png,dog\ndog/z.png,dog\n",
      "twice.csv": "file_name,prediction\ncat/a.png,cat\ncat/a.png,dog\n",
      "conflict.csv": "file_name,prediction,label\ncat/a.png,cat,cat\ndog/b.png,dog,wolf\n",
      "nokey.csv": "path,prediction\ncat/a.png,cat\n",
    ])
    func error(_ name: String?) -> (any Error)? {
      do {
        _ = try FolderDataset.load(from: folder.url, predictions: name.map { predictions.file($0) })
        return nil
      } catch { return error }
    }
    let p = predictions.url.relativePath
    #expect(error("missing.csv") as? FolderDatasetError
      == .missingPrediction(file: folder.file("dog/b.png").relativePath, table: "\(p)/missing.csv", key: "dog/b.png"))
    #expect(error("unknown.csv") as? FolderDatasetError == .unmatchedRow(table: "\(p)/unknown.csv", line: 4, key: "dog/z.png"))
    #expect(error("twice.csv") as? FolderDatasetError == .duplicateRow(table: "\(p)/twice.csv", line: 3, key: "cat/a.png"))
    #expect(error("conflict.csv") as? FolderDatasetError
      == .conflictingValue(table: "\(p)/conflict.csv", line: 3, column: "label", folderValue: "dog", tableValue: "wolf"))
    #expect(error("nokey.csv") as? FolderDatasetError == .noJoinColumn(table: "\(p)/nokey.csv", found: ["path", "prediction"]))
    #expect(error(nil) as? FolderDatasetError == .noPredictions(folder: folder.url.relativePath))
    // `loose.png` sits outside any class folder: its label comes from nowhere.
    let unlabelled = try DatasetFolder(["cat/a.png": "", "dog/b.png": "", "loose.png": ""])
    #expect(throws: FolderDatasetError.noLabel(file: unlabelled.file("loose.png").relativePath)) {
      try FolderDataset.load(from: unlabelled.url, predictions: predictions.file("missing.csv"))
    }
  }
}
