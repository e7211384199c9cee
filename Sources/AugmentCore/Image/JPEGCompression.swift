import MediaIO

/// JPEG compression artefacts: the image is encoded as a baseline JPEG at a drawn quality and decoded
/// again, in memory, by libjpeg-turbo (``JPEGFile``).
///
/// The quality is drawn uniformly from ``qualityRange`` (libjpeg's 1–100 scale of the luminance and
/// chrominance tables; colour is subsampled 4:2:0 as cameras and libjpeg do by default). JPEG holds 8-bit
/// gray or colour without alpha: alpha is set aside and put back unchanged, and the output keeps the
/// input's bit depth (every 8-bit level is exact at 16 bits). The encoding's size is measured when the
/// parameters are drawn and recorded as bytes per pixel, so a manifest shows how hard each image was
/// compressed; that costs one extra encoding, and ``apply(_:to:)`` does not depend on the recorded size.
public struct JPEGCompression: Transform {
  public typealias Input = Image
  public static let name = "jpeg-compression"

  public let qualityRange: ClosedRange<Int>

  public struct Parameters: Codable, Sendable, Equatable {
    /// libjpeg's quality setting, 1–100.
    public var quality: Int
    /// The JPEG file's bytes (headers included) per pixel at this quality.
    public var bytesPerPixel: Double

    public init(quality: Int, bytesPerPixel: Double) {
      self.quality = quality
      self.bytesPerPixel = bytesPerPixel
    }
  }

  /// - Throws: ``ImageTransformError/parameterOutOfRange(transform:name:value:expected:)`` unless the
  ///   range lies in 1…100.
  public init(quality: ClosedRange<Int> = 30...90) throws {
    try requireParameter(Double(quality.lowerBound), in: 1...100, name: "quality", transform: Self.name)
    try requireParameter(Double(quality.upperBound), in: 1...100, name: "quality", transform: Self.name)
    qualityRange = quality
  }

  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let quality = qualityRange.lowerBound + rng.index(below: qualityRange.count)
    let bytes = try Self.encode(Self.colour(of: input), quality: quality)
    return Parameters(quality: quality, bytesPerPixel: Double(bytes.count) / Double(input.width * input.height))
  }

  public func apply(_ parameters: Parameters, to input: consuming Image) throws -> Image {
    try requireParameter(Double(parameters.quality), in: 1...100, name: "quality", transform: Self.name)
    let colour = Self.colour(of: input)
    let bytes = try Self.encode(colour, quality: parameters.quality)
    let decoded = try JPEGFile.decode(bytes, path: Self.encodingName).image
    guard decoded.width == input.width, decoded.height == input.height, decoded.layout == colour.layout else {
      throw MediaError.corrupt(
        path: Self.encodingName, detail: "decoded \(decoded.width)×\(decoded.height) \(decoded.layout.rawValue)")
    }
    guard input.layout.hasAlpha else {
      return Image(
        width: input.width, height: input.height, layout: input.layout, bitDepth: input.bitDepth,
        pixels: decoded.pixels)
    }
    var pixels = input.pixels
    let (channels, colours) = (input.channelCount, colour.channelCount)
    for pixel in 0..<(input.width * input.height) {
      for c in 0..<colours { pixels[pixel * channels + c] = decoded.pixels[pixel * colours + c] }
    }
    return Image(width: input.width, height: input.height, layout: input.layout, bitDepth: input.bitDepth, pixels: pixels)
  }

  /// The name errors give the in-memory encoding.
  static let encodingName = "JPEG encoding"

  private static func encode(_ image: Image, quality: Int) throws -> [UInt8] {
    try JPEGFile.encode(image, quality: quality, path: encodingName)
  }

  /// The image without its alpha channel.
  private static func colour(of image: Image) -> Image {
    guard image.layout.hasAlpha else { return image }
    let layout: Image.Layout = image.layout == .rgba ? .rgb : .gray
    let (channels, colours) = (image.channelCount, layout.channelCount)
    var pixels = [Float](repeating: 0, count: image.width * image.height * colours)
    for pixel in 0..<(image.width * image.height) {
      for c in 0..<colours { pixels[pixel * colours + c] = image.pixels[pixel * channels + c] }
    }
    return Image(width: image.width, height: image.height, layout: layout, bitDepth: image.bitDepth, pixels: pixels)
  }
}
