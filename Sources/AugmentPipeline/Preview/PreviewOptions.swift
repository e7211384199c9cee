import Foundation

/// What `augment preview` shows and how large the contact sheet is.
public struct PreviewOptions: Sendable, Equatable {
  /// At most this many accepted and this many rejected cards in the HTML, the first by sample index;
  /// `nil` shows every one.
  public var pairs: Int?
  /// Rows of the contact sheet `preview.png`: a spread of the accepted pairs from the lowest to the highest
  /// blind SNR (audio) or mean luminance (images), the median among them.
  public var sheetRows: Int
  /// Height in pixels of every contact-sheet tile.
  public var tileHeight: Int
  /// Real members of the slice shown at the top of the page, spread through the table.
  public var members: Int
  /// The error-analysis table the run read, overriding `run.json`'s `dataset`; source paths in the
  /// manifest are relative to its folder.
  public var dataset: URL?
  /// Whether source paths may be absolute or leave the dataset folder, as the run's `--allow-outside-paths`.
  public var allowOutsidePaths: Bool
  /// The noise banks the run mixed from, to remake rejected candidates that mixed noise.
  public var noiseBanks: URL?
  /// The impulse-response banks the run convolved with, to remake rejected candidates that did.
  public var impulseResponseBanks: URL?

  public init(
    pairs: Int? = nil, sheetRows: Int = 9, tileHeight: Int = 256, members: Int = 12, dataset: URL? = nil,
    allowOutsidePaths: Bool = false, noiseBanks: URL? = nil,
    impulseResponseBanks: URL? = nil
  ) {
    self.pairs = pairs
    self.sheetRows = sheetRows
    self.tileHeight = tileHeight
    self.members = members
    self.dataset = dataset
    self.allowOutsidePaths = allowOutsidePaths
    self.noiseBanks = noiseBanks
    self.impulseResponseBanks = impulseResponseBanks
  }
}
