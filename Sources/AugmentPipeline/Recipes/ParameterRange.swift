import Foundation

/// A closed interval a parameter is drawn from, written `[low, high]` in recipe files.
public struct ParameterRange: Sendable, Equatable, Codable, CustomStringConvertible {
  public var lower: Double
  public var upper: Double

  public init(_ lower: Double, _ upper: Double) {
    precondition(lower <= upper, "a range's lower end must not exceed its upper end")
    self.lower = lower
    self.upper = upper
  }

  public var closed: ClosedRange<Double> { lower...upper }

  public func contains(_ value: Double) -> Bool { (lower...upper).contains(value) }

  /// The overlap with `other`, or `nil` when they do not meet.
  public func intersection(_ other: ParameterRange) -> ParameterRange? {
    let low = max(lower, other.lower), high = min(upper, other.upper)
    return low <= high ? ParameterRange(low, high) : nil
  }

  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    let low = try container.decode(Double.self)
    let high = container.isAtEnd ? low : try container.decode(Double.self)
    guard container.isAtEnd, low <= high else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a range is [low, high] with low ≤ high, or a single [value]")
    }
    self.init(low, high)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(lower)
    try container.encode(upper)
  }

  public var description: String {
    lower == upper ? Self.format(lower) : "\(Self.format(lower))…\(Self.format(upper))"
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : String(format: "%.3g", value)
  }
}
