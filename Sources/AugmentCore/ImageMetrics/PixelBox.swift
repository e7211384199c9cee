/// A rectangle of whole pixels, origin at the top-left corner of the image, as a defect box is given.
public struct PixelBox: Sendable, Codable, Equatable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Whether the box is non-empty and lies wholly inside an image of `imageWidth` × `imageHeight`.
  public func fits(imageWidth: Int, imageHeight: Int) -> Bool {
    width > 0 && height > 0 && x >= 0 && y >= 0 && x + width <= imageWidth && y + height <= imageHeight
  }
}
