import AugmentAnalysis
import Foundation

/// The slice's real members, the table rows tagged with it: what every sample should look or sound like.
/// The page shows a few at the top, and beside each card the one the realism gate found nearest.
struct RealMembers {
  struct Member {
    /// The table id (the path when the row has none), as the realism gate names its nearest member.
    var id: String
    var label: String
    var media: PreviewMedia
  }

  /// Every tagged row, in table order.
  let all: [Member]
  /// Why the table could not be read, when it could not; the page says so in place of the strip.
  let problem: String?

  /// Reads the table the locator's run names and keeps the rows tagged `slice`.
  init(slice: String, locator: MediaLocator, predictions: URL?) {
    do {
      let dataset = try SliceDataset(
        tableURL: locator.table, predictions: predictions, mediaRoot: locator.sources.root,
        allowOutsidePaths: locator.sources.allowOutside)
      all = dataset.table.rows(taggedWith: slice).map { row in
        let path = SliceDataset.path(of: row)
        return Member(id: row.id ?? path, label: row.label, media: locator.source(path, role: "member"))
      }
      problem = nil
    } catch {
      all = []
      problem = "\(locator.table.path): the real members cannot be read (\(error))"
    }
  }

  /// `count` members spread evenly through the table, so a sorted table still shows its range.
  func shown(_ count: Int) -> [Member] { SliceDataset.evenlySpaced(all, limit: count) }

  /// The member of table id `id`.
  func member(id: String) -> Member? { all.first { $0.id == id } }
}
