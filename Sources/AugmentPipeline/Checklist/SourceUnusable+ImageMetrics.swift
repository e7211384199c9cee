import AugmentCore

extension SourceUnusable {
  /// The image metric error `error` as a property of the source, or `nil` when it is not.
  ///
  /// An image smaller than SSIM's window cannot be scored, and a defect box that does not lie inside its
  /// image cannot be measured, whatever the transforms draw: both come from the source (its pixels and
  /// its table row). Images that differ in size or layout come from a transform, not the source.
  init?(imageMetricError error: any Error) {
    switch error {
    case ImageMetricError.imageTooSmall(let width, let height, let minimum):
      self.init(
        rule: "ssim", reason: "smaller than the \(minimum)×\(minimum) SSIM window", detail: "\(width)×\(height) pixels")
    case ImageMetricError.boxOutsideImage(let box, let width, let height):
      self.init(
        rule: "defect-contrast", reason: "the defect box does not lie inside the image",
        detail: "box x \(box.x), y \(box.y), \(box.width)×\(box.height) in a \(width)×\(height) image")
    default:
      return nil
    }
  }
}
