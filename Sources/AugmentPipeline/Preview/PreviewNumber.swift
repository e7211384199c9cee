import Foundation

/// Numbers as a person reads them: to the step that still means something for the quantity, not the 17
/// digits a double holds. The manifest keeps every digit; the page is for judging.
enum PreviewNumber {
  /// Decimal places of a value named `name` (a rule, measure or parameter name): decibels and LUFS to
  /// 0.1 dB, below which no listener hears a change; scores on 0…1 (STOI, SSIM, fractions, AUC) to 0.001;
  /// `nil` for other quantities, which keep three significant digits.
  static func places(for name: String) -> Int? {
    let name = name.lowercased()
    if name.hasSuffix("db") || name.contains("snr") || name.contains("lufs") || name.contains("loudness") { return 1 }
    let unitScores = ["stoi", "ssim", "fraction", "contrast", "luminance", "auc", "weakness", "probability"]
    if unitScores.contains(where: name.contains) { return 3 }
    return nil
  }

  /// `value` rounded for `name`; integers print without a fraction, non-finite values as JSON cannot hold them.
  static func format(_ value: Double, for name: String) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    if let places = places(for: name) { return String(format: "%.\(places)f", value) }
    return significant(value, digits: 3)
  }

  /// `value` to `digits` significant digits without exponent for everyday magnitudes.
  static func significant(_ value: Double, digits: Int) -> String {
    guard value != 0, value.isFinite else { return value == 0 ? "0" : "\(value)" }
    let magnitude = Int(floor(log10(abs(value))))
    guard (-4...14).contains(magnitude) else { return String(format: "%.\(digits - 1)e", value) }
    let places = max(0, digits - 1 - magnitude)
    let text = String(format: "%.\(places)f", value)
    // Drop trailing zeros of the fraction: 0.500 reads as 0.5.
    guard text.contains(".") else { return text }
    let trimmed = text.reversed().drop { $0 == "0" }
    return String((trimmed.first == "." ? trimmed.dropFirst() : trimmed).reversed())
  }
}
