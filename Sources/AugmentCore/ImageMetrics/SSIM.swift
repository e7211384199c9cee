import MediaIO

/// Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) as scikit-image computes it with
/// `structural_similarity(a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
/// data_range=L, channel_axis=-1)`, the settings that reproduce the paper.
///
/// - Samples are the integer levels the images would be written with, `L` = 255 or 65535.
/// - Local means `μ`, variances `σ²` and covariance `σxy` are Gaussian-weighted: σ = 1.5 truncated
///   at 3.5 σ (an 11 × 11 window), the border mirrored half-sample (`scipy.ndimage` mode `reflect`),
///   population (not sample) moments.
/// - `SSIM = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))`, `C1 = (0.01 L)²`,
///   `C2 = (0.03 L)²`, averaged over the pixels at least 5 from every edge, then over the colour
///   channels. Alpha is ignored.
///
/// The window sums run in `Float` on samples centred on mid-level, which keeps the variances
/// (differences of nearly equal sums) accurate; each SSIM value and the averages are `Double`.
public enum SSIM {
  public static let sigma = 1.5
  public static let truncate = 3.5
  /// Rows per unit of work, fixed so the result does not depend on the number of threads.
  static let bandHeight = 16

  /// The window width, `2 · int(3.5 · 1.5 + 0.5) + 1 = 11`; images must be at least this large.
  public static var windowSize: Int { 2 * GaussianWeights.sciPyRadius(sigma: sigma, truncate: truncate) + 1 }

  /// The mean SSIM of `a` and `b` over their colour channels, in `-1...1` (1 when identical).
  public static func score(_ a: Image, _ b: Image, threads: Int = 1) throws(ImageMetricError) -> Double {
    let scores = try channelScores(a, b, threads: threads)
    return scores.reduce(0, +) / Double(scores.count)
  }

  /// The mean SSIM of each colour channel.
  public static func channelScores(_ a: Image, _ b: Image, threads: Int = 1) throws(ImageMetricError) -> [Double] {
    try checkComparable(a, b)
    let colors = a.layout.colorChannelCount
    let quantities = 5 * colors
    let (width, height) = (a.width, a.height)
    let maxLevel = Double(a.bitDepth.maxLevel)
    let c1 = (0.01 * maxLevel) * (0.01 * maxLevel)
    let c2 = (0.03 * maxLevel) * (0.03 * maxLevel)
    let moments = localMomentInputs(a, b)
    let radius = GaussianWeights.sciPyRadius(sigma: sigma, truncate: truncate)
    let weights = GaussianWeights.sampled(sigma: sigma, radius: radius).map { Float($0) }
    let window = SeparableFilter(weights: weights, border: .reflect)
    let croppedRows = height - 2 * radius
    let bandCount = (croppedRows + bandHeight - 1) / bandHeight
    let bandSums = UnsafeMutableBufferPointer<Double>.allocate(capacity: bandCount * colors)
    defer { bandSums.deallocate() }
    bandSums.initialize(repeating: 0)
    nonisolated(unsafe) let sums = bandSums

    moments.withUnsafeBufferPointer { moments in
      RowBands.forEach(rowCount: croppedRows, bandHeight: bandHeight, threads: threads) { band in
        let rows = (band.lowerBound + radius)..<(band.upperBound + radius)
        let stride = width * quantities
        let local = UnsafeMutablePointer<Float>.allocate(capacity: rows.count * stride)
        defer { local.deallocate() }
        window.apply(moments.baseAddress!, width: width, height: height, channels: quantities, rows: rows, into: local)
        let sum = sums.baseAddress! + (band.lowerBound / bandHeight) * colors
        let half = maxLevel / 2
        for row in 0..<rows.count {
          for x in radius..<(width - radius) {
            let pixel = local + row * stride + x * quantities
            for c in 0..<colors {
              let m = pixel + 5 * c
              let (centredX, centredY) = (Double(m[0]), Double(m[1]))
              let varianceX = Double(m[2]) - centredX * centredX
              let varianceY = Double(m[3]) - centredY * centredY
              let covariance = Double(m[4]) - centredX * centredY
              let (meanX, meanY) = (centredX + half, centredY + half)
              sum[c] +=
                (2 * meanX * meanY + c1) * (2 * covariance + c2)
                / ((meanX * meanX + meanY * meanY + c1) * (varianceX + varianceY + c2))
            }
          }
        }
      }
    }
    let count = Double(croppedRows * (width - 2 * radius))
    return (0..<colors).map { c in (0..<bandCount).reduce(0) { $0 + sums[$1 * colors + c] } / count }
  }

  private static func checkComparable(_ a: Image, _ b: Image) throws(ImageMetricError) {
    guard a.width == b.width, a.height == b.height else {
      throw .mismatchedImages("sizes \(a.width)×\(a.height) and \(b.width)×\(b.height) differ")
    }
    guard a.layout == b.layout else {
      throw .mismatchedImages("layouts \(a.layout.rawValue) and \(b.layout.rawValue) differ")
    }
    guard a.bitDepth == b.bitDepth else {
      throw .mismatchedImages("bit depths \(a.bitDepth.rawValue) and \(b.bitDepth.rawValue) differ")
    }
    guard min(a.width, a.height) >= windowSize else {
      throw .imageTooSmall(width: a.width, height: a.height, minimum: windowSize)
    }
  }

  /// Per pixel and colour channel, the five quantities whose window averages give the moments:
  /// `x`, `y`, `x²`, `y²`, `xy`, with `x` and `y` the levels minus mid-level.
  private static func localMomentInputs(_ a: Image, _ b: Image) -> [Float] {
    let channels = a.channelCount
    let colors = a.layout.colorChannelCount
    let pixelCount = a.width * a.height
    let maxLevel = a.bitDepth.maxLevel
    let half = maxLevel / 2
    let count = pixelCount * 5 * colors
    return [Float](unsafeUninitializedCapacity: count) { output, initialized in
      a.pixels.withUnsafeBufferPointer { first in
        b.pixels.withUnsafeBufferPointer { second in
          for p in 0..<pixelCount {
            for c in 0..<colors {
              let x = level(first[p * channels + c], maxLevel) - half
              let y = level(second[p * channels + c], maxLevel) - half
              let base = (p * colors + c) * 5
              output[base] = x
              output[base + 1] = y
              output[base + 2] = x * x
              output[base + 3] = y * y
              output[base + 4] = x * y
            }
          }
        }
      }
      initialized = count
    }
  }
}
