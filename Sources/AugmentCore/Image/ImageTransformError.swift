/// Why an image transform refused its parameters (from a recipe's ranges or a replayed manifest).
public enum ImageTransformError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `value` for parameter `name` of transform `transform` lies outside `expected`.
  case parameterOutOfRange(transform: String, name: String, value: Double, expected: String)

  public var description: String {
    switch self {
    case .parameterOutOfRange(let transform, let name, let value, let expected):
      "\(transform): \(name) \(value) is out of range (expected \(expected)). "
        + "Fix the recipe's range or the replayed record."
    }
  }
}

/// Checks that a drawn or replayed parameter is finite and inside `range`.
func requireParameter(
  _ value: Double, in range: ClosedRange<Double>, name: String, transform: String
) throws(ImageTransformError) {
  guard value.isFinite, range.contains(value) else {
    throw .parameterOutOfRange(
      transform: transform, name: name, value: value, expected: "\(range.lowerBound)...\(range.upperBound)")
  }
}
