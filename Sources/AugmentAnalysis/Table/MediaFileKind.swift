/// Audio or image, as far as a file's name tells: the one list of media extensions for reading dataset folders
/// and for telling which kind of media a table lists. Reading a file still decides its format by its content.
public enum MediaFileKind: String, Sendable, CaseIterable {
  case audio
  case image

  /// Lower-cased extensions of the formats the tool reads or a dataset folder commonly holds.
  public static let extensions: [String: MediaFileKind] = [
    "wav": .audio, "flac": .audio, "ogg": .audio, "oga": .audio, "opus": .audio, "mp3": .audio, "aif": .audio,
    "aiff": .audio, "aifc": .audio, "au": .audio, "caf": .audio, "w64": .audio,
    "png": .image, "jpg": .image, "jpeg": .image, "bmp": .image, "gif": .image, "tif": .image, "tiff": .image,
    "webp": .image,
  ]

  /// The kind `path`'s extension names, or `nil` for any other file (metadata, notes, hidden files).
  public init?(path: some StringProtocol) {
    let name = path.split(separator: "/").last ?? ""
    guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."),
      let kind = Self.extensions[name[name.index(after: dot)...].lowercased()]
    else { return nil }
    self = kind
  }
}
