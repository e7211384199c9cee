import AugmentCore
import MediaIO

/// An image with its realism statistics, measured once when the image is read or made, so the checklist's
/// luminance, contrast, sharpness and clipping rules share one pass over it.
public struct MeasuredImage: Sendable {
  public let image: Image
  public let statistics: ImageStatistics

  public init(_ image: Image) {
    self.image = image
    statistics = ImageStatistics(of: image)
  }
}
