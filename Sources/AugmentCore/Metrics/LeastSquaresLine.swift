/// The least-squares line through `y` against its index `0, 1, …`: only the slope is needed, for the decay
/// rate of a level curve in dB (``ReverberationTime``, ``BlindReverberationTime``).
struct LeastSquaresLine {
  /// Change of `y` per index.
  let slope: Double

  init(y: ArraySlice<Double>) {
    let count = Double(y.count)
    let meanX = (count - 1) / 2
    let meanY = y.reduce(0, +) / count
    var covariance = 0.0, variance = 0.0
    for (offset, value) in y.enumerated() {
      let dx = Double(offset) - meanX
      covariance += dx * (value - meanY)
      variance += dx * dx
    }
    slope = variance > 0 ? covariance / variance : 0
  }
}
