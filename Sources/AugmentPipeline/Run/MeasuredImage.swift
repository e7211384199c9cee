import AugmentCore
import MediaIO
import Synchronization

/// An image with its realism statistics, measured on first use and then kept: the checklist's
/// luminance, contrast, sharpness and clipping rules share one pass over a candidate, and an original,
/// which no rule measures, is never measured.
public struct MeasuredImage: Sendable {
  public let image: Image
  /// How the source file stored the image; a candidate carries its source's, so it can be written alike.
  public let storedAs: ImageEncoding
  private let measured = Measured()

  public init(_ image: Image, storedAs: ImageEncoding) {
    self.image = image
    self.storedAs = storedAs
  }

  /// The image's statistics, measured by the first caller.
  public var statistics: ImageStatistics {
    measured.statistics.withLock { cached in
      if let cached { return cached }
      let statistics = ImageStatistics(of: image)
      cached = statistics
      return statistics
    }
  }

  private final class Measured: Sendable {
    let statistics = Mutex<ImageStatistics?>(nil)
  }
}
