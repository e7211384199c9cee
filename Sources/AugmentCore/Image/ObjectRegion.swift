import Foundation
import MediaIO

/// Where the photographed object lies, found from the image alone: an ellipse given by its centre and the
/// covariance of the pixel positions it covers.
///
/// Inspection photos frame one object on a more uniform background, so the object is taken to be where
/// luma departs most from the frame's typical luma, near the middle of the frame:
/// 1. luma is averaged over square blocks of ``blocksPerSide``-th of the shorter side;
/// 2. each block's weight is its distance from the median block luma (the background, which covers most
///    of the frame), times a Gaussian centre prior of width ``priorWidth`` of the frame per axis, so a bright
///    edge of the frame (a rail, a window) counts less than the same contrast in the middle;
/// 3. the blocks below the ``keptQuantile`` of the weights are dropped, and the weighted mean and
///    covariance of the remaining block centres give the ellipse.
/// A frame with no contrast gives an ellipse at the centre with standard deviations of a quarter of the
/// frame per axis.
public struct ObjectRegion: Codable, Sendable, Equatable {
  /// Centre in pixels from the top-left corner.
  public var centerX: Double
  public var centerY: Double
  /// Covariance of the covered positions, in square pixels.
  public var varianceX: Double
  public var varianceY: Double
  public var covariance: Double

  public static let blocksPerSide = 32
  public static let priorWidth = 0.3
  public static let keptQuantile = 0.7

  public init(centerX: Double, centerY: Double, varianceX: Double, varianceY: Double, covariance: Double) {
    self.centerX = centerX
    self.centerY = centerY
    self.varianceX = varianceX
    self.varianceY = varianceY
    self.covariance = covariance
  }

  /// The object region of `image`.
  public init(locatedIn image: Image) {
    self.init(locatedIn: LumaPlane(image))
  }

  /// The object region of the image whose luma is `luma`.
  init(locatedIn luma: LumaPlane) {
    let (width, height) = (luma.width, luma.height)
    let block = max(1, min(width, height) / Self.blocksPerSide)
    let (columns, rows) = (width / block, height / block)
    let fallback = ObjectRegion(
      centerX: Double(width) / 2, centerY: Double(height) / 2,
      varianceX: Double(width * width) / 16, varianceY: Double(height * height) / 16, covariance: 0)
    guard columns > 0, rows > 0 else {
      self = fallback
      return
    }
    var means = [Double](repeating: 0, count: columns * rows)
    for by in 0..<rows {
      for bx in 0..<columns {
        var sum = 0.0
        for y in (by * block)..<((by + 1) * block) {
          for x in (bx * block)..<((bx + 1) * block) { sum += luma[x, y] }
        }
        means[by * columns + bx] = sum / Double(block * block)
      }
    }
    let median = means.sorted()[means.count / 2]
    var weights = [Double](repeating: 0, count: means.count)
    for by in 0..<rows {
      for bx in 0..<columns {
        let u = (Double(bx) + 0.5 - Double(columns) / 2) / (Self.priorWidth * Double(columns))
        let v = (Double(by) + 0.5 - Double(rows) / 2) / (Self.priorWidth * Double(rows))
        weights[by * columns + bx] = abs(means[by * columns + bx] - median) * exp(-0.5 * (u * u + v * v))
      }
    }
    let threshold = weights.sorted()[min(Int(Self.keptQuantile * Double(weights.count)), weights.count - 1)]
    var (total, sumX, sumY) = (0.0, 0.0, 0.0)
    var (sumXX, sumYY, sumXY) = (0.0, 0.0, 0.0)
    for by in 0..<rows {
      for bx in 0..<columns where weights[by * columns + bx] >= threshold {
        let w = weights[by * columns + bx]
        let (x, y) = ((Double(bx) + 0.5) * Double(block), (Double(by) + 0.5) * Double(block))
        total += w
        sumX += w * x
        sumY += w * y
        sumXX += w * x * x
        sumYY += w * y * y
        sumXY += w * x * y
      }
    }
    guard total > 0 else {
      self = fallback
      return
    }
    let (meanX, meanY) = (sumX / total, sumY / total)
    // A block's own extent, so a single block still has an area.
    let blockVariance = Double(block * block) / 12
    self.init(
      centerX: meanX, centerY: meanY, varianceX: sumXX / total - meanX * meanX + blockVariance,
      varianceY: sumYY / total - meanY * meanY + blockVariance, covariance: sumXY / total - meanX * meanY)
  }

  /// The Mahalanobis distance of the pixel centre `(x + ½, y + ½)` from the centre: 1 at one standard
  /// deviation, about 1.7 at the edge of a uniformly covered rectangle.
  func distance(x: Int, y: Int) -> Double {
    let (dx, dy) = (Double(x) + 0.5 - centerX, Double(y) + 0.5 - centerY)
    let determinant = max(varianceX * varianceY - covariance * covariance, 1e-12)
    return ((varianceY * dx * dx - 2 * covariance * dx * dy + varianceX * dy * dy) / determinant).squareRoot()
  }
}
