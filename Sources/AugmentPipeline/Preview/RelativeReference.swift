import Foundation

/// A relative URL reference from a folder to a file, so a page opened with `file://` finds its media
/// wherever the run and the dataset were moved together, and nothing is fetched from anywhere else.
enum RelativeReference {
  /// The reference from `folder` to `file`: `../` for each level up, then the segments down, percent-encoded.
  static func from(_ folder: URL, to file: URL) -> String {
    let base = components(of: folder), target = components(of: file)
    let common = zip(base, target).prefix { $0 == $1 }.count
    let segments = Array(repeating: "..", count: base.count - common) + target[common...].map(encode)
    return segments.joined(separator: "/")
  }

  /// Absolute path components with `.`, `..` and symbolic links resolved, so both ends compare alike.
  private static func components(of url: URL) -> [String] {
    url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
  }

  /// The segment with every byte but RFC 3986's unreserved characters percent-encoded as UTF-8, including
  /// `:` (which would read as a scheme in a first segment), `?`, `#`, `%` and spaces.
  private static func encode(_ segment: String) -> String {
    var encoded = ""
    for byte in segment.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
      }
    }
    return encoded
  }
}
