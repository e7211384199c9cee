import Foundation

/// The run's realism figure as a small inline SVG: the AUC of telling samples from real members, with its
/// interval, for the accepted samples and for the ungated candidates, on a scale from 0.5 (cannot tell
/// them apart) to 1 (tells every one).
enum RealismChart {
  static let width = 420.0
  static let rowHeight = 26.0
  static let left = 130.0
  static let right = 20.0

  static func svg(_ figure: RealismFigure.Measured) -> String {
    let rows = [
      ("accepted (gated)", figure.c2stAUC, figure.c2stAUCCI),
      ("without the gate", figure.ungatedC2STAUC, figure.ungatedC2STAUCCI),
    ]
    let height = rowHeight * Double(rows.count) + 24
    var svg = """
      <svg class="realism-chart" role="img" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))"><title>C2ST AUC, 0.5 = indistinguishable from real members</title>

      """
    for tick in stride(from: 0.5, through: 1.0, by: 0.1) {
      let x = position(tick)
      svg += "<line x1=\"\(f(x))\" y1=\"4\" x2=\"\(f(x))\" y2=\"\(f(height - 18))\" class=\"grid\"/>"
      svg += "<text x=\"\(f(x))\" y=\"\(f(height - 4))\" text-anchor=\"middle\">\(String(format: "%.1f", tick))</text>\n"
    }
    for (number, (name, auc, interval)) in rows.enumerated() {
      let y = 4 + rowHeight * (Double(number) + 0.5)
      svg += "<text x=\"0\" y=\"\(f(y + 4))\">\(name)</text>"
      if interval.count == 2 {
        svg += "<line x1=\"\(f(position(interval[0])))\" y1=\"\(f(y))\" x2=\"\(f(position(interval[1])))\" "
        svg += "y2=\"\(f(y))\" class=\"interval\"/>"
      }
      svg += "<circle cx=\"\(f(position(auc)))\" cy=\"\(f(y))\" r=\"5\"/>"
      svg += "<text x=\"\(f(position(auc)))\" y=\"\(f(y - 8))\" text-anchor=\"middle\">"
      svg += "\(PreviewNumber.format(auc, for: "auc"))</text>\n"
    }
    return svg + "</svg>"
  }

  /// The x coordinate of an AUC, clamped to the 0.5…1 scale (an AUC below 0.5 is chance as well).
  private static func position(_ auc: Double) -> Double {
    left + (min(max(auc, 0.5), 1) - 0.5) / 0.5 * (width - left - right)
  }

  private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
