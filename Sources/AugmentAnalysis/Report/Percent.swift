import Foundation

/// Formats fractions as percentages for people: `0.006` → `0.60%`.
enum Percent {
  static func format(_ fraction: Double, digits: Int = 1) -> String {
    number(fraction, digits: digits) + "%"
  }

  /// Formats a difference of two fractions in percentage points: `0.132` → `13.2 points`.
  static func points(_ difference: Double, digits: Int = 1) -> String {
    number(difference, digits: digits) + " points"
  }

  private static func number(_ fraction: Double, digits: Int) -> String {
    let text = String(format: "%.\(digits)f", fraction * 100)
    // Rounding a tiny negative gap would otherwise print as "-0.0".
    let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
    return isZero ? String(text.drop { $0 == "-" }) : text
  }

  /// Formats an optional fraction, writing `unknown` (or the given word) when it is `nil`.
  static func format(_ fraction: Double?, digits: Int = 1, absent: String) -> String {
    fraction.map { format($0, digits: digits) } ?? absent
  }
}
