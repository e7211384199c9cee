import ArgumentParser

/// The documented range of a whole-number option, checked in `validate()` so a value outside it is a usage
/// error (64) that names the option, its range and what was given.
enum OptionBounds {
  static func check(_ value: Int, in range: ClosedRange<Int>, option: String) throws {
    guard !range.contains(value) else { return }
    let upper = range.upperBound == .max ? "or more" : "to \(range.upperBound)"
    throw ValidationError("\(option) must be \(range.lowerBound) \(upper); got \(value).")
  }
}
