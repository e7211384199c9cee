import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct JPEGCompressionTests {
  struct ReferenceEntry: Decodable {
    var quality: Int
    var bytes: Int
    var psnrDB: Double
  }

  static func photo() throws -> Image {
    try PNGFile.read(from: ReferenceData.repositoryRoot.appendingPathComponent("samples/images/img005.png"))
  }

  /// 10·log10(1 / mean squared error) over every sample of two images of one size.
  static func psnr(_ a: Image, _ b: Image) -> Double {
    var total = 0.0
    for index in a.pixels.indices {
      let d = Double(a.pixels[index]) - Double(b.pixels[index])
      total += d * d
    }
    return 10 * log10(Double(a.pixels.count) / total)
  }

  static func parameters(quality: Int, for image: Image) throws -> JPEGCompression.Parameters {
    var rng = Xoshiro256StarStar(seed: 3)
    return try JPEGCompression(quality: quality...quality).sampleParameters(for: image, using: &rng)
  }

  /// At qualities 10, 50 and 90 the file is the size Pillow writes with the same libjpeg settings, to the
  /// byte, and the decoded photo is as far from the original as Pillow's decode of its own file: the PSNRs
  /// agree to under 5e-5 dB (the JSON's four decimals), checked to 5e-4 dB.
  @Test(arguments: try ReferenceData.load([ReferenceEntry].self, "jpeg-compression-reference.json"))
  func matchesPillow(reference: ReferenceEntry) throws {
    let photo = try Self.photo()
    let parameters = try Self.parameters(quality: reference.quality, for: photo)
    #expect(parameters.quality == reference.quality)
    #expect(parameters.bytesPerPixel == Double(reference.bytes) / Double(photo.width * photo.height))
    let output = try JPEGCompression(quality: 1...100).apply(parameters, to: photo)
    #expect(output.width == photo.width && output.height == photo.height && output.layout == photo.layout)
    let psnr = Self.psnr(photo, output)
    #expect(abs(psnr - reference.psnrDB) < 5e-4, "quality \(reference.quality): \(psnr) dB, Pillow \(reference.psnrDB) dB")
  }

  /// Quality 10 costs fewer bytes and more structure than quality 90: its SSIM against the original is
  /// lower, and both lie near what was measured on this photo (0.895 at 0.036 bytes a pixel, 0.985 at
  /// 0.133).
  @Test func lowQualityLosesMoreStructure() throws {
    let photo = try Self.photo()
    let transform = try JPEGCompression(quality: 1...100)
    let (low, high) = (try Self.parameters(quality: 10, for: photo), try Self.parameters(quality: 90, for: photo))
    #expect(low.bytesPerPixel < high.bytesPerPixel / 2)
    let lowSSIM = try SSIM.score(photo, transform.apply(low, to: photo))
    let highSSIM = try SSIM.score(photo, transform.apply(high, to: photo))
    #expect((0.86...0.93).contains(lowSSIM) && highSSIM > 0.97 && lowSSIM < highSSIM, "SSIM \(lowSSIM) at 10, \(highSSIM) at 90")
  }

  /// Alpha is set aside and returned untouched, the colour is compressed, and a 16-bit image keeps its
  /// depth; the same parameters give the same pixels twice.
  @Test func keepsAlphaAndDepth() throws {
    let rgba = ReferenceImages.image(layout: .rgba, bitDepth: .sixteen) { x, y, c in c == 3 ? (x * 1000 + y) % 65536 : ReferenceImages.level8(x, y, c) * 257 }
    let transform = try JPEGCompression(quality: 40...40)
    var rng = Xoshiro256StarStar(seed: 5)
    let (output, record) = try transform(rgba, using: &rng)
    #expect(output.layout == .rgba && output.bitDepth == .sixteen)
    #expect(stride(from: 3, to: rgba.pixels.count, by: 4).allSatisfy { output.pixels[$0] == rgba.pixels[$0] })
    #expect(output.pixels != rgba.pixels)
    #expect(try transform.replay(record, on: rgba) == output)
  }

  /// Qualities outside 1…100 are refused when configured and when replayed.
  @Test func refusesQualitiesOutsideTheScale() throws {
    #expect(throws: ImageTransformError.self) { try JPEGCompression(quality: 0...50) }
    #expect(throws: ImageTransformError.self) { try JPEGCompression(quality: 50...101) }
    let photo = try Self.photo()
    #expect(throws: ImageTransformError.self) {
      try JPEGCompression().apply(.init(quality: 0, bytesPerPixel: 1), to: photo)
    }
  }
}
