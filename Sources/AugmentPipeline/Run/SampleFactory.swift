import AugmentCore
import Foundation
import MediaIO

/// The media-specific half of a slice run: how to read a source, make one candidate from it,
/// check the candidate, and write it. The runner supplies indices, random streams, redraws and files.
public protocol SampleFactory: Sendable {
  associatedtype Media: Sendable

  /// The extension of the file `write(_:to:)` makes of `media`, e.g. `wav`, `png` or `jpg`.
  func fileExtension(for media: Media) -> String

  func load(_ source: SourceExample) throws -> Media

  /// The memory `media` holds once loaded and measured as a source, in bytes: what a run's
  /// ``SourceCache`` counts against its capacity.
  func byteCount(of media: Media) -> Int

  /// Draws and applies the recipe's transforms; every draw comes from `rng`.
  func candidate(from original: Media, using rng: inout Xoshiro256StarStar) throws -> (Media, [AppliedTransform])

  /// Measures the candidate with every checklist rule of the recipe.
  func check(_ candidate: Media, against original: Media, source: SourceExample, records: [AppliedTransform]) throws
    -> [Verdict]

  /// Writes the candidate to `url` atomically.
  func write(_ media: Media, to url: URL) throws

  /// Inputs other than sources that could not be read (noise-bank clips), each naming its file; the run
  /// goes on without them, and they count against its completeness as unreadable sources do.
  var unreadableInputs: [MediaError] { get }

  /// The slice's real members in realism-feature space, for the run's two-sample test; `nil` for media
  /// without realism features.
  var realism: RealismReference? { get }
}

extension SampleFactory {
  public var unreadableInputs: [MediaError] { [] }
  public var realism: RealismReference? { nil }
}

/// One example a run may start from: a row of the error-analysis table whose media file was found.
public struct SourceExample: Sendable, Equatable {
  public var id: String
  /// As written in the table.
  public var path: String
  public var url: URL
  public var label: String
  /// `x y w h` of a defect in pixels, when the table gives one.
  public var defectBox: PixelBox?
  /// Its row's value in the `--group-column` column, which groups sources in the summary's acceptance.
  public var group: String?

  public init(id: String, path: String, url: URL, label: String, defectBox: PixelBox? = nil) {
    self.id = id
    self.path = path
    self.url = url
    self.label = label
    self.defectBox = defectBox
  }
}

extension PixelBox {
  /// Parses a table's `defect_box` field, `x y w h` in pixels (spaces or commas); `nil` when empty or malformed.
  init?(parsing text: String) {
    let numbers = text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
    guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
    self.init(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
  }
}
