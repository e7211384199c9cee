import Foundation
import MediaIO

extension ErrorTable {
  /// The kinds of media the table's rows point at, each file judged as MediaIO judges it (by its content, by its
  /// name's extension when it cannot be read); empty when no row has a path of a known kind. Two tables compare
  /// only if they hold the same kind: a speech model's slices say nothing about an image model's.
  public var mediaKinds: Set<MediaFormat.Kind> {
    let folder = source.deletingLastPathComponent()
    var kinds: Set<MediaFormat.Kind> = []
    for path in Set(rows.compactMap(\.path)) {
      let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
      if let kind = MediaFormat.judge(url)?.kind { kinds.insert(kind) }
    }
    return kinds
  }
}

extension Set<MediaFormat.Kind> {
  /// `audio`, `image`, `audio and image`, or `unknown`.
  var summary: String {
    isEmpty ? "unknown" : map(\.rawValue).sorted().joined(separator: " and ")
  }
}
