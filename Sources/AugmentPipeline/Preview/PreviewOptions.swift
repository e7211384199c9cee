import Foundation

/// What `augment preview` shows and how large the contact sheet is.
public struct PreviewOptions: Sendable, Equatable {
  /// At most this many accepted and this many rejected cards in the HTML, the first by sample index;
  /// `nil` shows every one.
  public var pairs: Int?
  /// Rows of the contact sheet `preview.png`: the first accepted pairs.
  public var sheetRows: Int
  /// Height in pixels of every contact-sheet tile.
  public var tileHeight: Int
  /// The error-analysis table the run read, overriding `run.json`'s `dataset`; source paths in the
  /// manifest are relative to its folder.
  public var dataset: URL?
  /// Whether source paths may be absolute or leave the dataset folder, as the run's `--allow-outside-paths`.
  public var allowOutsidePaths: Bool

  public init(
    pairs: Int? = nil, sheetRows: Int = 8, tileHeight: Int = 128, dataset: URL? = nil, allowOutsidePaths: Bool = false
  ) {
    self.pairs = pairs
    self.sheetRows = sheetRows
    self.tileHeight = tileHeight
    self.dataset = dataset
    self.allowOutsidePaths = allowOutsidePaths
  }
}
