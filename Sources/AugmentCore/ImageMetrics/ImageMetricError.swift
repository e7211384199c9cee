import MediaIO

/// Why an image metric could not be measured.
public enum ImageMetricError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The two images differ in size, layout or bit depth, so they cannot be compared pixel by pixel.
  case mismatchedImages(String)
  /// The image is smaller than the metric's window.
  case imageTooSmall(width: Int, height: Int, minimum: Int)
  /// The box does not lie wholly inside the image.
  case boxOutsideImage(PixelBox, width: Int, height: Int)

  public var description: String {
    switch self {
    case .mismatchedImages(let detail):
      "cannot compare the images: \(detail). Compare a candidate only with the source it was made from."
    case .imageTooSmall(let width, let height, let minimum):
      "the image is \(width)×\(height); SSIM needs at least \(minimum)×\(minimum) pixels for its window."
    case .boxOutsideImage(let box, let width, let height):
      "the box x \(box.x), y \(box.y), \(box.width)×\(box.height) does not lie inside the \(width)×\(height) image. "
        + "Check the table's box coordinates (pixels, origin top left)."
    }
  }
}
