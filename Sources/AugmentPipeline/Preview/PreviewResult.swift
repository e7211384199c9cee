import Foundation

/// What `augment preview` wrote and what it could not show.
public struct PreviewResult: Sendable, Equatable {
  /// A media file named by the run that is shown as missing on its card, and why.
  public struct MediaProblem: Sendable, Equatable {
    /// The path as the manifest or `rejected.jsonl` writes it.
    public var path: String
    public var reason: String
  }

  /// `preview.html` in the run folder.
  public var page: URL
  /// `preview.png`, or `nil` when the run has no accepted pair to show.
  public var contactSheet: URL?
  public var contactSheetRows: Int
  /// Accepted pairs on the page, and in the run.
  public var acceptedShown: Int
  public var acceptedTotal: Int
  /// Rejected candidates on the page, and in the run.
  public var rejectedShown: Int
  public var rejectedTotal: Int
  /// Real members of the slice shown at the top of the page, and tagged in the table.
  public var membersShown: Int
  public var membersTotal: Int
  /// Spectrograms written to `preview/`.
  public var spectrograms: Int
  /// Every missing or unreadable file, by path.
  public var problems: [MediaProblem]
}
