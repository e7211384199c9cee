import Foundation
import MediaIO
import Testing

@testable import AugmentCore

@Suite struct MotionAndDefocusBlurTests {
  static let side = 31
  static let centre = 15

  /// A one-channel image with a single sample of 1 at its centre.
  static func impulse() -> Image {
    var image = Image(width: side, height: side, layout: .gray, bitDepth: .sixteen, filledWith: 0)
    image[centre, centre, 0] = 1
    return image
  }

  /// The non-zero cells of `image` as offsets from the centre, with their values.
  static func spread(_ image: Image) -> [(dx: Int, dy: Int, value: Float)] {
    (0..<side).flatMap { y in
      (0..<side).compactMap { x in image[x, y, 0] > 0 ? (x - centre, y - centre, image[x, y, 0]) : nil }
    }
  }

  /// Horizontal and vertical smears stay on the impulse's row or column, over `length` pixels,
  /// uniformly, and keep the total.
  @Test func axisAlignedSmearStaysOnItsLine() throws {
    let horizontal = Self.spread(try MotionBlur().apply(.init(length: 9, angle: 0), to: Self.impulse()))
    #expect(horizontal.allSatisfy { $0.dy == 0 })
    #expect(horizontal.map(\.dx).sorted() == Array(-4...4))
    #expect(horizontal.allSatisfy { abs($0.value - 1 / 9) < 1e-6 })

    let vertical = Self.spread(try MotionBlur().apply(.init(length: 9, angle: 90), to: Self.impulse()))
    #expect(vertical.allSatisfy { $0.dx == 0 })
    #expect(vertical.map(\.dy).sorted() == Array(-4...4))
    #expect(abs(vertical.map(\.value).reduce(0, +) - 1) < 1e-5)
  }

  /// A fractional length covers its ends partly: 4 pixels is ½, 1, 1, 1, ½ (normalised by 4).
  @Test func fractionalLengthCoversEndsPartly() throws {
    let cells = Self.spread(try MotionBlur().apply(.init(length: 4, angle: 180), to: Self.impulse()))
    let values = cells.sorted { $0.dx < $1.dx }.map { Double($0.value) }
    let expected = [0.125, 0.25, 0.25, 0.25, 0.125]
    #expect(values.count == 5)
    #expect(zip(values, expected).allSatisfy { abs($0 - $1) < 1e-6 })
  }

  /// At 30° and 135° every reached cell lies within one pixel of the line through the centre at that
  /// angle (counter-clockwise as viewed, rows running down) and within half the length along it;
  /// both far ends are reached.
  @Test(arguments: [30.0, 135.0])
  func obliqueSmearFollowsItsAngle(angle: Double) throws {
    let length = 15.0
    let cells = Self.spread(try MotionBlur().apply(.init(length: length, angle: angle), to: Self.impulse()))
    let radians = angle * .pi / 180
    let (cosine, sine) = (cos(radians), sin(radians))
    for cell in cells {
      let along = Double(cell.dx) * cosine - Double(cell.dy) * sine
      let across = Double(cell.dx) * sine + Double(cell.dy) * cosine
      #expect(abs(across) < 1)
      #expect(abs(along) < length / 2 + 0.5)
    }
    let end = (dx: Int((7 * cosine).rounded()), dy: Int((-7 * sine).rounded()))
    #expect(cells.contains { $0.dx == end.dx && $0.dy == end.dy })
    #expect(cells.contains { $0.dx == -end.dx && $0.dy == -end.dy })
    #expect(abs(cells.map { Double($0.value) }.reduce(0, +) - 1) < 1e-5)
  }

  /// The defocus disk weighs every cell within `radius − ½` fully and equally, nothing from
  /// `radius + ½` on, and the rim between in part (the anti-aliased edge); it is symmetric under
  /// quarter turns and keeps the total.
  @Test func defocusSpreadsOverAnAntiAliasedDisk() throws {
    let radius = 4.3
    let cells = Self.spread(try DefocusBlur().apply(.init(radius: radius), to: Self.impulse()))
    func value(_ dx: Int, _ dy: Int) -> Float { cells.first { $0.dx == dx && $0.dy == dy }?.value ?? 0 }
    let full = value(0, 0)
    for dy in -6...6 {
      for dx in -6...6 {
        let distance = Double(dx * dx + dy * dy).squareRoot()
        if distance <= radius - 0.5 {
          #expect(value(dx, dy) == full)
        } else if distance >= radius + 0.5 {
          #expect(value(dx, dy) == 0)
        } else {
          #expect(value(dx, dy) > 0 && value(dx, dy) < full)
        }
        #expect(value(-dy, dx) == value(dx, dy))
      }
    }
    #expect(abs(cells.map { Double($0.value) }.reduce(0, +) - 1) < 1e-5)
  }

  /// Blurs keep a flat image flat and a radius of zero keeps any image as it is.
  @Test func flatStaysFlatAndZeroRadiusIsIdentity() throws {
    let flat = Image(width: 20, height: 10, layout: .rgb, filledWith: 0.4)
    for output in [
      try MotionBlur().apply(.init(length: 7.5, angle: 20), to: flat),
      try DefocusBlur().apply(.init(radius: 3), to: flat),
    ] {
      #expect(output.pixels.allSatisfy { abs($0 - 0.4) < 1e-6 })
    }
    let image = ReferenceImages.rgb8()
    #expect(try DefocusBlur().apply(.init(radius: 0), to: image) == image)
  }

  /// Alpha is copied bit for bit and a 16-bit image stays 16-bit.
  @Test func alphaAndBitDepthArePreserved() throws {
    let image = ReferenceImages.withAlpha(ReferenceImages.rgb8(), variant: 0)
    for output in [
      try MotionBlur().apply(.init(length: 11, angle: 60), to: image),
      try DefocusBlur().apply(.init(radius: 2.5), to: image),
    ] {
      #expect(stride(from: 3, to: image.pixels.count, by: 4).allSatisfy { output.pixels[$0] == image.pixels[$0] })
      #expect(output.levels() != image.levels())
    }
    let wide = try MotionBlur().apply(.init(length: 5, angle: 0), to: ReferenceImages.rgb16())
    #expect(wide.bitDepth == .sixteen)
  }
}
