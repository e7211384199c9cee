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
///
/// The first image's half of the sums (`x` and the window averages of `x` and `x²`) is a ``Reference``:
/// a run scores every candidate against its source, so it prepares the source once and filters only
/// `y`, `y²` and `xy` per candidate.
public enum SSIM {
  public static let sigma = 1.5
  public static let truncate = 3.5
  /// Rows per unit of work, fixed so the result does not depend on the number of threads.
  static let bandHeight = 16

  /// The window width, `2 · int(3.5 · 1.5 + 0.5) + 1 = 11`; images must be at least this large.
  public static var windowSize: Int { 2 * radius + 1 }

  static var radius: Int { GaussianWeights.sciPyRadius(sigma: sigma, truncate: truncate) }

  /// The mean SSIM of `a` and `b` over their colour channels, in `-1...1` (1 when identical).
  public static func score(_ a: Image, _ b: Image, threads: Int = 1) throws(ImageMetricError) -> Double {
    try score(Reference(a, threads: threads), b, threads: threads)
  }

  /// The mean SSIM of `reference`'s image and `b` over their colour channels.
  public static func score(_ reference: Reference, _ b: Image, threads: Int = 1) throws(ImageMetricError) -> Double {
    let scores = try channelScores(reference, b, threads: threads)
    return scores.reduce(0, +) / Double(scores.count)
  }

  /// The mean SSIM of each colour channel.
  public static func channelScores(_ a: Image, _ b: Image, threads: Int = 1) throws(ImageMetricError) -> [Double] {
    try channelScores(Reference(a, threads: threads), b, threads: threads)
  }

  /// The mean SSIM of each colour channel of `reference`'s image and `b`.
  public static func channelScores(_ reference: Reference, _ b: Image, threads: Int = 1) throws(ImageMetricError)
    -> [Double]
  {
    try reference.checkComparable(with: b)
    let colors = reference.layout.colorChannelCount
    let (width, height) = (reference.width, reference.height)
    let maxLevel = Double(reference.bitDepth.maxLevel)
    let c1 = (0.01 * maxLevel) * (0.01 * maxLevel)
    let c2 = (0.03 * maxLevel) * (0.03 * maxLevel)
    let croppedRows = height - 2 * radius
    let bandCount = (croppedRows + bandHeight - 1) / bandHeight
    let bandSums = UnsafeMutableBufferPointer<Double>.allocate(capacity: bandCount * colors)
    defer { bandSums.deallocate() }
    bandSums.initialize(repeating: 0)
    nonisolated(unsafe) let sums = bandSums
    let (levels, squares, products) = candidatePlanes(reference, b)

    levels.withUnsafeBufferPointer { levels in
      squares.withUnsafeBufferPointer { squares in
        products.withUnsafeBufferPointer { products in
          reference.means.withUnsafeBufferPointer { averageX in
            reference.squares.withUnsafeBufferPointer { averageXX in
              let rowLength = width * colors
              forEachWindowBand(width: width, height: height, colors: colors, threads: threads) { band, average in
                let planeLength = band.count * rowLength
                let local = UnsafeMutablePointer<Float>.allocate(capacity: 3 * planeLength)
                defer { local.deallocate() }
                let (averageY, averageYY, averageXY) = (local, local + planeLength, local + 2 * planeLength)
                average(levels.baseAddress!, averageY)
                average(squares.baseAddress!, averageYY)
                average(products.baseAddress!, averageXY)
                let sum = sums.baseAddress! + (band.lowerBound / bandHeight) * colors
                let half = maxLevel / 2
                for row in 0..<band.count {
                  let (sourceRow, bandRow) = ((band.lowerBound + row) * rowLength, row * rowLength)
                  for x in radius..<(width - radius) {
                    for c in 0..<colors {
                      let (s, i) = (sourceRow + x * colors + c, bandRow + x * colors + c)
                      let (centredX, centredY) = (Double(averageX[s]), Double(averageY[i]))
                      let varianceX = Double(averageXX[s]) - centredX * centredX
                      let varianceY = Double(averageYY[i]) - centredY * centredY
                      let covariance = Double(averageXY[i]) - centredX * centredY
                      let (meanX, meanY) = (centredX + half, centredY + half)
                      sum[c] +=
                        (2 * meanX * meanY + c1) * (2 * covariance + c2)
                        / ((meanX * meanX + meanY * meanY + c1) * (varianceX + varianceY + c2))
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    let count = Double(croppedRows * (width - 2 * radius))
    return (0..<colors).map { c in (0..<bandCount).reduce(0) { $0 + sums[$1 * colors + c] } / count }
  }

  /// The candidate's three planes whose window averages complete the moments: `y`, `y²` and `xy` of
  /// each pixel's colour channels, with `x` and `y` the levels minus mid-level.
  private static func candidatePlanes(_ reference: Reference, _ b: Image) -> ([Float], [Float], [Float]) {
    var levels = centredLevels(of: b)
    let count = levels.count
    var squares = [Float](repeating: 0, count: count), products = squares
    levels.withUnsafeMutableBufferPointer { y in
      reference.levels.withUnsafeBufferPointer { x in
        squares.withUnsafeMutableBufferPointer { squares in
          products.withUnsafeMutableBufferPointer { products in
            for i in 0..<count {
              squares[i] = y[i] * y[i]
              products[i] = x[i] * y[i]
            }
          }
        }
      }
    }
    return (levels, squares, products)
  }

  /// The level minus mid-level of each pixel's colour channels, `width × height × colors` samples.
  static func centredLevels(of image: Image) -> [Float] {
    let channels = image.channelCount
    let colors = image.layout.colorChannelCount
    let maxLevel = image.bitDepth.maxLevel
    let half = maxLevel / 2
    let count = image.width * image.height * colors
    return [Float](unsafeUninitializedCapacity: count) { output, initialized in
      image.pixels.withUnsafeBufferPointer { pixels in
        if channels == colors {
          for i in 0..<count { output[i] = level(pixels[i], maxLevel) - half }
        } else {
          for p in 0..<(image.width * image.height) {
            for c in 0..<colors { output[p * colors + c] = level(pixels[p * channels + c], maxLevel) - half }
          }
        }
      }
      initialized = count
    }
  }

  /// Runs the Gaussian window band by band over the rows SSIM averages over, `radius..<height − radius`,
  /// of planes of `width × height` pixels with `colors` interleaved samples each.
  ///
  /// `body` gets each band's rows, counted from the first such row, and a function that writes the window
  /// averages of a plane's band rows (all columns) to a buffer of `rows.count · width · colors` samples.
  /// Each average is the same arithmetic on the same samples whichever plane it belongs to, so a
  /// reference's averages and a candidate's combine exactly as if both had been filtered together.
  static func forEachWindowBand(
    width: Int, height: Int, colors: Int, threads: Int,
    _ body: (Range<Int>, (UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> Void
  ) {
    let radius = radius
    let weights = GaussianWeights.sampled(sigma: sigma, radius: radius).map { Float($0) }
    let window = SeparableFilter(weights: weights, border: .reflect)
    RowBands.forEach(rowCount: height - 2 * radius, bandHeight: bandHeight, threads: threads) { band in
      body(band) { plane, output in
        window.apply(
          plane, width: width, height: height, channels: colors,
          rows: (band.lowerBound + radius)..<(band.upperBound + radius), into: output)
      }
    }
  }
}
