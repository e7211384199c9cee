/// A one-line account of a decoding failure: where in the document, and what was wrong.
extension DecodingError {
  var summary: String {
    switch self {
    case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return (path.isEmpty ? "" : "at '\(path)': ") + context.debugDescription
    @unknown default:
      return String(describing: self)
    }
  }
}
