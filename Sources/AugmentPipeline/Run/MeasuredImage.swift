import AugmentCore
import MediaIO
import Synchronization

/// An image with what is measured on it more than once, measured on first use and then kept.
///
/// A source is compared with every candidate made from it: its half of SSIM (``SSIM/Reference``) is
/// prepared when the first candidate is scored, and the first transform's analysis of it
/// (``FirstStepAnalysis``) when the first candidate is drawn; the redraws of that source, and the later
/// samples that find it in the run's ``SourceCache``, reuse both. A candidate never prepares either.
public struct MeasuredImage: Sendable {
  public let image: Image
  /// How the source file stored the image; a candidate carries its source's, so it can be written alike.
  public let storedAs: ImageEncoding
  private let measured = Measured()

  public init(_ image: Image, storedAs: ImageEncoding) {
    self.image = image
    self.storedAs = storedAs
  }

  /// The image's half of SSIM, prepared by the first caller.
  /// - Throws: ``ImageMetricError/imageTooSmall(width:height:minimum:)``, to every caller, for an image
  ///   smaller than the SSIM window.
  public func ssimReference() throws(ImageMetricError) -> SSIM.Reference {
    try measured.ssimReference.withLock { cached in
      if let cached { return cached }
      let prepared = Result { () throws(ImageMetricError) in try SSIM.Reference(image) }
      cached = prepared
      return prepared
    }.get()
  }

  /// The first transform's analysis of the image as a source.
  var firstStepAnalysis: FirstStepAnalysis { measured.firstStepAnalysis }

  /// The memory the image holds, in bytes, counting an SSIM reference as if it were prepared and a first
  /// transform's analysis as a luma plane (8 bytes a pixel, as ``Spotlight``'s): what a ``SourceCache``
  /// entry of it may grow to.
  public var byteCount: Int {
    let pixels = image.width * image.height
    let referenceFloats = pixels * 3 * image.layout.colorChannelCount
    return (image.pixels.count + referenceFloats) * MemoryLayout<Float>.stride + pixels * MemoryLayout<Double>.stride
  }

  private final class Measured: Sendable {
    let ssimReference = Mutex<Result<SSIM.Reference, ImageMetricError>?>(nil)
    let firstStepAnalysis = FirstStepAnalysis()
  }
}
