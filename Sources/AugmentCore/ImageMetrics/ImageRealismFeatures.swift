import Foundation
import MediaIO

/// The measurements a realism test compares between a slice's real members and its candidates: where the
/// light is, how bright, how colourful, how sharp, how noisy, and what highlights the image holds.
///
/// A gate on a few global statistics (mean luminance, contrast) passes a frame dimmed as a whole just as
/// well as a dark surround around a lit object; these features tell the two apart, because they also say
/// *where* the light falls (the grid) and how it is distributed (percentiles, highlights). All are taken on
/// the integer levels the image would be written with, divided by the largest level (see ``LumaPlane``),
/// in ``names`` order:
///
/// - `luma_p05`, `luma_p50`, `luma_p95`: percentiles of Rec. 709 luma (NumPy's linear interpolation
///   between order statistics, each read from a histogram of ``histogramBins`` bins, so within half a bin).
/// - `grid_r{row}c{col}`: the mean luma of each cell of a ``gridSize`` × ``gridSize`` grid (pixel `x` in
///   column `⌊x · gridSize / width⌋`, likewise rows) over the frame's mean luma: 1 everywhere for an evenly
///   lit frame, above 1 where the light is. 1 for a black frame or an empty cell.
/// - `chroma_mean`: the mean HSV chroma, `max(R, G, B) − min(R, G, B)`.
/// - `hue_cos`, `hue_sin`: the direction of the chroma-weighted mean hue, `Σ C · (cos h, sin h)` scaled to
///   unit length, with `h` the hexagonal HSV hue; a hue is an angle, so it is compared as a point on the
///   circle rather than a number that jumps from 359° to 0°. Both 0 when the image has no chroma.
/// - `rms_contrast`: ``ImageStatistics/rmsContrast``.
/// - `log_sharpness`: `log10(1 + ImageStatistics/sharpness)`; the variance of the Laplacian spans decades,
///   and a linear classifier separates it better on a log scale.
/// - `noise_sigma`: the standard deviation of white noise on luma by Immerkær's estimator (J. Immerkær,
///   "Fast noise variance estimation", Computer Vision and Image Understanding 64(2), 1996):
///   `σ = √(π/2) / (6 (W−2)(H−2)) · Σ |Y ∗ N|` over the interior, `N = [1 −2 1; −2 4 −2; 1 −2 1]`, which
///   cancels any plane and most edges so what is left is noise. 0 for an image under 3 × 3 pixels.
/// - `highlight_area`: the fraction of pixels with luma at least ``highlightLuma``.
/// - `highlight_compactness`: those pixels' count over the area of the ellipse with the same second
///   moments, `4π √det Σ`: about 1 for one filled lobe (a specular highlight), small for specks scattered
///   over the frame, 0 with fewer than two highlight pixels; at most 1.
public enum ImageRealismFeatures {
  /// Cells per side of the luminance grid.
  public static let gridSize = 4
  /// Luma from which a pixel counts as a highlight: near-saturated, about level 235 of 255.
  public static let highlightLuma = 0.92
  /// Bins of the luma histogram the percentiles are read from.
  public static let histogramBins = 4096
  static let percentiles = [5.0, 50, 95]

  public static let names: [String] =
    percentiles.map { "luma_p" + ($0 < 10 ? "0" : "") + String(Int($0)) }
    + (0..<gridSize).flatMap { row in (0..<gridSize).map { column in "grid_r\(row)c\(column)" } }
    + [
      "chroma_mean", "hue_cos", "hue_sin", "rms_contrast", "log_sharpness", "noise_sigma", "highlight_area",
      "highlight_compactness",
    ]

  /// The smallest difference in each feature, in ``names`` order, that a person would notice: the least
  /// spread the realism gate's scaling gives a feature, so members that agree closely on one do not make a
  /// candidate's tiny departure from them decisive. Luma percentiles 0.01 of full scale, grid ratios 0.02,
  /// chroma 0.01, hue directions 0.02, RMS contrast 0.005, log₁₀ sharpness 0.05, noise σ 0.001 of full
  /// scale, highlight area 0.001 of the frame, compactness 0.05.
  public static let resolutions: [Double] =
    percentiles.map { _ in 0.01 } + Array(repeating: 0.02, count: gridSize * gridSize)
    + [0.01, 0.02, 0.02, 0.005, 0.05, 0.001, 0.001, 0.05]

  /// The features of `image`, in ``names`` order.
  public static func measure(_ image: Image) -> [Double] {
    let luma = LumaPlane(image)
    let (mean, deviation) = luma.meanAndDeviation(in: luma.wholeImage)
    let distribution = LumaDistribution(luma, mean: mean)
    let colour = ChromaAndHue(image)
    return percentiles.map { distribution.percentile($0, count: luma.values.count) }
      + distribution.gridRatios
      + [
        colour.meanChroma, colour.hueDirection.cos, colour.hueDirection.sin, deviation,
        log10(1 + ImageStatistics.laplacianVariance(luma)), distribution.noiseSigma, distribution.highlightArea,
        distribution.highlightCompactness,
      ]
  }
}

/// What one pass over the luma plane yields: its histogram, the grid's cell means over the frame's `mean`,
/// Immerkær's noise estimate and the highlight mask's area and second moments.
private struct LumaDistribution {
  var histogram = [Int](repeating: 0, count: ImageRealismFeatures.histogramBins)
  var gridRatios: [Double] = []
  var noiseSigma = 0.0
  var highlightArea = 0.0
  var highlightCompactness = 0.0

  init(_ luma: LumaPlane, mean: Double) {
    let (width, height) = (luma.width, luma.height)
    let grid = ImageRealismFeatures.gridSize
    let bins = ImageRealismFeatures.histogramBins
    var cellSums = [Double](repeating: 0, count: grid * grid)
    var cellCounts = [Int](repeating: 0, count: grid * grid)
    let cellColumn = (0..<width).map { $0 * grid / width }
    var highlight = (count: 0.0, x: 0.0, y: 0.0, xx: 0.0, yy: 0.0, xy: 0.0)
    var absoluteResponses = 0.0
    luma.values.withUnsafeBufferPointer { y in
      for row in 0..<height {
        let cellRow = row * grid / height
        let hasNeighbourRows = row > 0 && row < height - 1
        for x in 0..<width {
          let i = row * width + x
          let value = y[i]
          histogram[min(Int(value * Double(bins)), bins - 1)] += 1
          cellSums[cellRow * grid + cellColumn[x]] += value
          cellCounts[cellRow * grid + cellColumn[x]] += 1
          if value >= ImageRealismFeatures.highlightLuma {
            let (px, py) = (Double(x), Double(row))
            highlight.count += 1
            highlight.x += px
            highlight.y += py
            highlight.xx += px * px
            highlight.yy += py * py
            highlight.xy += px * py
          }
          if hasNeighbourRows, x > 0, x < width - 1 {
            let (above, below) = (i - width, i + width)
            let corners = y[above - 1] + y[above + 1] + y[below - 1] + y[below + 1]
            let edges = y[above] + y[below] + y[i - 1] + y[i + 1]
            absoluteResponses += abs(corners - 2 * edges + 4 * value)
          }
        }
      }
    }
    let pixels = Double(width * height)
    gridRatios = zip(cellSums, cellCounts).map { sum, count in
      count > 0 && mean > 0 ? sum / Double(count) / mean : 1
    }
    if width >= 3, height >= 3 {
      noiseSigma = (Double.pi / 2).squareRoot() * absoluteResponses / (6 * Double((width - 2) * (height - 2)))
    }
    highlightArea = highlight.count / pixels
    if highlight.count >= 2 {
      let n = highlight.count
      let (meanX, meanY) = (highlight.x / n, highlight.y / n)
      let varianceX = highlight.xx / n - meanX * meanX
      let varianceY = highlight.yy / n - meanY * meanY
      let covariance = highlight.xy / n - meanX * meanY
      let ellipse = 4 * Double.pi * max(varianceX * varianceY - covariance * covariance, 0).squareRoot()
      highlightCompactness = ellipse > 0 ? min(n / ellipse, 1) : 1
    }
  }

  /// The `p`-th percentile of `count` luma values: NumPy's linear interpolation between the order
  /// statistics at ranks `⌊r⌋` and `⌊r⌋ + 1`, `r = p/100 · (count − 1)`, each taken as the centre of
  /// the histogram bin it falls in.
  func percentile(_ p: Double, count: Int) -> Double {
    let rank = p / 100 * Double(count - 1)
    let lower = Int(rank)
    let fraction = rank - Double(lower)
    let low = orderStatistic(lower)
    return fraction > 0 ? low + fraction * (orderStatistic(lower + 1) - low) : low
  }

  /// The centre of the bin holding the value of 0-based rank `rank`.
  private func orderStatistic(_ rank: Int) -> Double {
    var seen = 0
    for (bin, count) in histogram.enumerated() {
      seen += count
      if seen > rank { return (Double(bin) + 0.5) / Double(histogram.count) }
    }
    return 1
  }
}

/// Mean HSV chroma and the chroma-weighted mean hue direction of the colour channels, from one pass over
/// the levels. Gray images have neither.
private struct ChromaAndHue {
  var meanChroma = 0.0
  var hueDirection = (cos: 0.0, sin: 0.0)

  init(_ image: Image) {
    guard image.layout.colorChannelCount == 3 else { return }
    let channels = image.channelCount
    let maxLevel = image.bitDepth.maxLevel
    let scale = 1 / Double(maxLevel)
    let count = image.width * image.height
    var chromaSum = 0.0
    var (x, y) = (0.0, 0.0)
    image.pixels.withUnsafeBufferPointer { pixels in
      for p in 0..<count {
        let base = p * channels
        let red = Double(level(pixels[base], maxLevel))
        let green = Double(level(pixels[base + 1], maxLevel))
        let blue = Double(level(pixels[base + 2], maxLevel))
        let largest = max(red, green, blue)
        let chroma = largest - min(red, green, blue)
        guard chroma > 0 else { continue }
        // Hexagonal hue in sixths of a turn, as HSV defines it.
        let sixths =
          largest == blue
          ? 4 + (red - green) / chroma : largest == green ? 2 + (blue - red) / chroma : (green - blue) / chroma
        let angle = sixths * Double.pi / 3
        chromaSum += chroma
        x += chroma * cos(angle)
        y += chroma * sin(angle)
      }
    }
    meanChroma = chromaSum * scale / Double(count)
    let length = (x * x + y * y).squareRoot()
    if length > 0 { hueDirection = (x / length, y / length) }
  }
}
