import Foundation

/// The parts of a written `preview.html` the tests check, read back with plain pattern matching.
struct PreviewHTML {
  let text: String

  init(contentsOf url: URL) throws {
    text = try String(contentsOf: url, encoding: .utf8)
  }

  /// `(status, id)` of every card, in page order, with entities decoded.
  var cards: [(status: String, id: String)] {
    text.matches(of: /<article class="card (\w+)" id="([^"]*)"/).map { (String($0.1), Self.unescape(String($0.2))) }
  }

  /// Every `src` attribute (audio players and images), entities decoded, percent-encoding kept.
  var sources: [String] {
    text.matches(of: /\ssrc="([^"]*)"/).map { Self.unescape(String($0.1)) }
  }

  /// The spectrogram `src` of the figure captioned `caption` with `path`, in the first card that has one.
  func spectrogram(caption: String, path: String) -> String? {
    let marker = "<figcaption>\(caption) <code>\(Self.escape(path))</code></figcaption>"
    guard let start = text.range(of: marker) else { return nil }
    let figure = text[start.upperBound...]
    guard let end = figure.range(of: "</figure>"),
      let match = figure[..<end.lowerBound].firstMatch(of: /<div class="spectrogram">.*?<img[^>]*\ssrc="([^"]*)"/)
    else { return nil }
    return Self.unescape(String(match.1))
  }

  /// The file a relative reference points to from `folder`.
  static func resolve(_ reference: String, from folder: URL) -> URL? {
    guard let path = reference.removingPercentEncoding, !reference.contains("://"), !reference.hasPrefix("/") else {
      return nil
    }
    return folder.appendingPathComponent(path).standardizedFileURL
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }
}
