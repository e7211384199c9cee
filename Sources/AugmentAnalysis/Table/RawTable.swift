/// A table as read from disk before any column has a meaning: the header and each record with the line it
/// starts on. Both CSV and JSON Lines files are read into this shape, so column handling is written once.
struct RawTable {
  struct Record {
    /// The 1-based line the record starts on.
    var line: Int
    /// One value per header column.
    var fields: [String]
  }

  var path: String
  var header: [String]
  var records: [Record]
}
