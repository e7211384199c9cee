/// A colour scale from control points, linearly interpolated in RGB.
///
/// A perceptually uniform map such as magma rises steadily in lightness, so brighter always means louder
/// and a spectrogram reads the same in colour and in grey.
struct Colormap: Sendable {
  /// Positions in `0...1`, ascending, with their RGB colours in `0...1`.
  let stops: [(position: Float, color: SIMD3<Float>)]

  /// matplotlib's `magma` sampled at 17 evenly spaced points (`matplotlib.colormaps["magma"](i / 16)`).
  static let magma = Colormap(
    stops: [
      (0.0000, [0.001462, 0.000466, 0.013866]), (0.0625, [0.039608, 0.031090, 0.133515]),
      (0.1250, [0.113094, 0.065492, 0.276784]), (0.1875, [0.211718, 0.061992, 0.418647]),
      (0.2500, [0.316654, 0.071690, 0.485380]), (0.3125, [0.414709, 0.110431, 0.504662]),
      (0.3750, [0.512831, 0.148179, 0.507648]), (0.4375, [0.613617, 0.181811, 0.498536]),
      (0.5000, [0.716387, 0.214982, 0.475290]), (0.5625, [0.816914, 0.255895, 0.436461]),
      (0.6250, [0.904281, 0.319610, 0.388137]), (0.6875, [0.960949, 0.418323, 0.359630]),
      (0.7500, [0.986700, 0.535582, 0.382210]), (0.8125, [0.996096, 0.653659, 0.446213]),
      (0.8750, [0.996898, 0.769591, 0.534892]), (0.9375, [0.992440, 0.884330, 0.640099]),
      (1.0000, [0.987053, 0.991438, 0.749504]),
    ])

  /// The colour at `position`, clamped to `0...1`.
  func color(at position: Float) -> SIMD3<Float> {
    let t = min(max(position, 0), 1)
    guard let upper = stops.firstIndex(where: { $0.position >= t }), upper > 0 else { return stops[0].color }
    let (low, high) = (stops[upper - 1], stops[upper])
    let fraction = (t - low.position) / (high.position - low.position)
    return low.color + (high.color - low.color) * fraction
  }

  /// `levels` colours evenly spaced over `0...1`, so a pixel's colour is one table look-up.
  func table(levels: Int) -> [SIMD3<Float>] {
    (0..<levels).map { color(at: Float($0) / Float(levels - 1)) }
  }
}
