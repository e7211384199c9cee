/// Why a dataset folder could not be read as a table. Each message names the file and says what to do.
public enum FolderDatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The folder holds no file with a media extension.
  case noMedia(folder: String)
  /// A media file outside any class subfolder, and no metadata gives its label.
  case noLabel(file: String)
  /// Neither a predictions table nor the metadata gives the model's predictions.
  case noPredictions(folder: String)
  /// The predictions table has neither a `file_name` nor an `id` column to join on.
  case noJoinColumn(table: String, found: [String])
  /// A media file no row of the predictions table names.
  case missingPrediction(file: String, table: String, key: String)
  /// A row of a predictions or metadata table that names no media file of the folder.
  case unmatchedRow(table: String, line: Int, key: String)
  /// Two rows of one table name the same file.
  case duplicateRow(table: String, line: Int, key: String)
  /// A column given by both the folder (or its metadata) and the predictions table, with different values.
  case conflictingValue(table: String, line: Int, column: String, folderValue: String, tableValue: String)

  public var description: String {
    switch self {
    case .noMedia(let folder):
      "\(folder): no audio or image files found (recognised by their content, else by a media extension "
        + "such as .wav, .flac, .mp3, .png or .jpg). Check the folder."
    case .noLabel(let file):
      "\(file): no label. Put each file in a folder named for its class, or give a label column in metadata.csv."
    case .noPredictions(let folder):
      "\(folder): no predictions. Pass --predictions FILE, a CSV or JSON Lines table with file_name (or id) "
        + "and prediction columns."
    case .noJoinColumn(let table, let found):
      "\(table): no file_name or id column to join on (the header reads: \(found.joined(separator: ", "))). "
        + "Add file_name, the path of each file relative to the dataset folder."
    case .missingPrediction(let file, let table, let key):
      "\(file): no row of \(table) has “\(key)”. Every file of the dataset needs a prediction; add a row or remove the file."
    case .unmatchedRow(let table, let line, let key):
      "\(table), line \(line): “\(key)” is not a file of the dataset. Check the path (relative to the dataset folder)."
    case .duplicateRow(let table, let line, let key):
      "\(table), line \(line): “\(key)” is listed twice. Keep one row per file."
    case .conflictingValue(let table, let line, let column, let folderValue, let tableValue):
      "\(table), line \(line): \(column) “\(tableValue)” disagrees with the dataset folder’s “\(folderValue)”. "
        + "Check that the rows are joined to the right files."
    }
  }
}
