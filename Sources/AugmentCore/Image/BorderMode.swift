/// How a filter reads samples beyond the edge of an image.
public enum BorderMode: String, Sendable, Codable {
  /// Mirror without repeating the edge sample: `d c b | a b c d | c b a`. OpenCV's `BORDER_DEFAULT`
  /// (`BORDER_REFLECT_101`), so blurs agree with `cv2.GaussianBlur` at the edges.
  case reflect101
  /// Mirror repeating the edge sample: `c b a | a b c d | d c b`. `scipy.ndimage`'s `mode='reflect'`
  /// (half-sample symmetric), which scikit-image's SSIM uses.
  case reflect

  /// The in-range index that position `index` reads, for a line of `count` samples. Mirrors as often
  /// as needed, so a kernel wider than the image is still defined (as OpenCV's `borderInterpolate`).
  @inlinable
  public func sourceIndex(_ index: Int, count: Int) -> Int {
    if index >= 0 && index < count { return index }
    if count == 1 { return 0 }
    let skip = self == .reflect101 ? 1 : 0
    var position = index
    while position < 0 || position >= count {
      position = position < 0 ? -position - 1 + skip : 2 * count - 1 - position - skip
    }
    return position
  }
}
