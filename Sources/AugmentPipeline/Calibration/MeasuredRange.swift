import Foundation

/// The range of one measurement over the real members of a slice (or over the dataset).
public struct MeasuredRange: Sendable, Equatable, Codable {
  /// The smallest and largest value measured.
  public var observed: ParameterRange
  /// How many examples were measured.
  public var count: Int

  /// `nil` when no value is finite.
  public init?(_ values: [Double]) {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    observed = ParameterRange(low, high)
    count = finite.count
  }

  /// The observed range widened by `margin` on both sides.
  public func widened(by margin: Double) -> ParameterRange {
    ParameterRange(observed.lower - margin, observed.upper + margin)
  }
}

/// Measures each example on up to `jobs` threads; an example that cannot be read is reported, not fatal.
enum MemberMeasurement {
  static func measure<Value: Sendable>(
    _ examples: [SourceExample], jobs: Int, _ measure: @Sendable (SourceExample) throws -> Value
  ) -> (values: [Value], problems: [String]) {
    let results = ParallelMap.map(examples.count, jobs: jobs) { index in Result { try measure(examples[index]) } }
    var values: [Value] = []
    var problems: [String] = []
    for result in results {
      switch result {
      case .success(let value): values.append(value)
      case .failure(let error): problems.append("\(error)")
      }
    }
    return (values, problems)
  }
}
