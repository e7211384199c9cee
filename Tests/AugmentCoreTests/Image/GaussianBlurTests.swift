import Foundation
import MediaIO
import Testing

@testable import AugmentCore

/// Expected outputs from `Reference/make-opencv-reference.py` (OpenCV's `cv2.GaussianBlur`).
struct OpenCVReference: Decodable {
  struct Blur: Decodable {
    let image: String
    let width: Int
    let height: Int
    let channels: Int
    let bitDepth: Int
    let sigma: Double
    let levels: [Int]
  }
  struct KernelSize: Decodable {
    let sigma: Double
    let size: Int
  }
  struct Kernel: Decodable {
    let sigma: Double
    let size: Int
    let weights: [Double]
  }
  struct FixedPointKernel: Decodable {
    let sigma: Double
    /// In units of 1/256.
    let taps: [Int]
  }
  let opencv: String
  let blurs: [Blur]
  let kernelSizesBeyondEightBit: [KernelSize]
  let fixedPointKernelsEightBit: [FixedPointKernel]
  let kernels: [Kernel]

  static func load() throws -> OpenCVReference { try ReferenceData.load(Self.self, "opencv-reference.json") }
}

@Suite struct GaussianBlurTests {
  /// The size rule of OpenCV's `createGaussianKernels`: `cvRound(σ · 3 · 2 + 1) | 1` for 8-bit,
  /// `cvRound(σ · 4 · 2 + 1) | 1` otherwise, the latter checked against the support OpenCV's own blur
  /// of an impulse measured.
  @Test func kernelSizeFollowsOpenCV() throws {
    #expect(GaussianWeights.openCVSize(sigma: 1.5, bitDepth: .eight) == 11)
    #expect(GaussianWeights.openCVSize(sigma: 0.8, bitDepth: .eight) == 7)
    #expect(GaussianWeights.openCVSize(sigma: 0.5, bitDepth: .eight) == 5)
    #expect(GaussianWeights.openCVSize(sigma: 3, bitDepth: .eight) == 19)
    for measured in try OpenCVReference.load().kernelSizesBeyondEightBit {
      #expect(GaussianWeights.openCVSize(sigma: measured.sigma, bitDepth: .sixteen) == measured.size)
    }
  }

  /// The sampled weights equal `cv2.getGaussianKernel(size, σ, CV_64F)`, and the 8-bit taps equal
  /// the fixed-point kernel OpenCV's own 8-bit blur applies (read off its impulse response).
  @Test func weightsMatchOpenCV() throws {
    let reference = try OpenCVReference.load()
    for kernel in reference.kernels {
      let weights = GaussianWeights.sampled(sigma: kernel.sigma, radius: kernel.size / 2)
      #expect(weights.count == kernel.size)
      for (ours, theirs) in zip(weights, kernel.weights) { #expect(abs(ours - theirs) < 5e-16) }
    }
    for kernel in reference.fixedPointKernelsEightBit {
      let size = GaussianWeights.openCVSize(sigma: kernel.sigma, bitDepth: .eight)
      let taps = GaussianWeights.openCVFixedPoint(sigma: kernel.sigma, radius: size / 2, fractionBits: 8)
      #expect(taps.map { Int($0 * 256) } == kernel.taps)
    }
  }

  /// Blurring a unit impulse gives the outer product of the 1-D kernel, zero outside its support:
  /// for 16-bit images the sampled, normalised `exp(-x²/2σ²)` (computed here directly; OpenCV's
  /// 1/65536 steps are below 1e-5), for 8-bit images OpenCV's own 1/256 taps. The second moment of
  /// the response gives back the kernel's sigma, within 3 % of the nominal one (truncation at ±3σ or
  /// ±4σ and the 1/256 steps).
  @Test(arguments: [(Image.BitDepth.sixteen, 1.5, 13), (.sixteen, 0.9, 9), (.eight, 1.5, 11), (.eight, 2.4, 15)])
  func impulseResponseIsTheSampledKernel(bitDepth: Image.BitDepth, sigma: Double, size: Int) throws {
    let side = 41
    let centre = side / 2
    var impulse = Image(width: side, height: side, layout: .gray, bitDepth: bitDepth, filledWith: 0)
    impulse[centre, centre, 0] = 1
    let output = try GaussianBlur().apply(.init(sigma: sigma), to: impulse)

    let radius = size / 2
    let kernel: [Double]
    let tolerance: Double
    if bitDepth == .sixteen {
      let raw = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
      kernel = raw.map { $0 / raw.reduce(0, +) }
      tolerance = 1e-5
    } else {
      let fixed = try #require(try OpenCVReference.load().fixedPointKernelsEightBit.first { $0.sigma == sigma })
      kernel = fixed.taps.map { Double($0) / 256 }
      // Products of two 1/256 taps are exact in `Float`.
      tolerance = 0
    }
    #expect(kernel.count == size)
    for y in 0..<side {
      for x in 0..<side {
        let (dx, dy) = (x - centre, y - centre)
        let expected = abs(dx) <= radius && abs(dy) <= radius ? kernel[dx + radius] * kernel[dy + radius] : 0
        #expect(abs(Double(output[x, y, 0]) - expected) <= tolerance)
      }
    }
    let row = (0..<side).map { Double(output[$0, centre, 0]) }
    let mass = row.reduce(0, +)
    let measuredSigma = (zip(row, 0..<side).map { $0 * Double(($1 - centre) * ($1 - centre)) }.reduce(0, +) / mass)
      .squareRoot()
    let kernelSigma = (zip(kernel, -radius...radius).map { $0 * Double($1 * $1) }.reduce(0, +)).squareRoot()
    #expect(abs(measuredSigma - kernelSigma) < 1e-4)
    #expect(abs(measuredSigma - sigma) / sigma < 0.03)
  }

  /// Every blur the reference script made with `cv2.GaussianBlur(image, (0, 0), σ)`, including a 7 × 5
  /// image narrower than its kernel (repeated reflect-101) and a 16-bit image, is reproduced within one
  /// level after rounding, and at most 0.5 % of the levels differ (measured: 19 of 9216 at most).
  /// (OpenCV sums in integers; where its sum is exactly half a level, this `Float` sum may round the
  /// other way.)
  @Test func matchesOpenCVGaussianBlurWithinOneLevel() throws {
    let reference = try OpenCVReference.load()
    for blur in reference.blurs {
      let source = try Self.source(named: blur.image)
      #expect(source.width == blur.width && source.height == blur.height && source.channelCount == blur.channels)
      #expect(source.bitDepth.rawValue == blur.bitDepth)
      let output = try GaussianBlur().apply(.init(sigma: blur.sigma), to: source)
      let differences = zip(output.levels(), blur.levels).map { abs(Int($0) - $1) }
      #expect(differences.max() ?? 0 <= 1, "\(blur.image) σ \(blur.sigma) differs from OpenCV \(reference.opencv)")
      #expect(differences.count == blur.levels.count)
      #expect(differences.count(where: { $0 != 0 }) * 200 <= differences.count, "\(blur.image) σ \(blur.sigma)")
    }
  }

  static func source(named name: String) throws -> Image {
    switch name {
    case "rgb8": return ReferenceImages.rgb8()
    case "gray8": return ReferenceImages.gray8()
    case "rgb16": return ReferenceImages.rgb16()
    case "rgb8-top-left-7x5": return ReferenceImages.crop(ReferenceImages.rgb8(), width: 7, height: 5)
    default: throw ReferenceImageError.unknown(name)
    }
  }

  /// A 16-bit RGBA image keeps its bit depth and its alpha, bit for bit, while its colour is blurred.
  @Test func sixteenBitAlphaIsPreserved() throws {
    let image = ReferenceImages.image(layout: .rgba, bitDepth: .sixteen) { x, y, c in
      c == 3 ? (x * 1031 + y * 977) % 65536 : ReferenceImages.level8(x, y, c) * 257
    }
    let output = try GaussianBlur().apply(.init(sigma: 2), to: image)
    #expect(output.bitDepth == .sixteen && output.layout == .rgba)
    let alpha = stride(from: 3, to: image.pixels.count, by: 4)
    #expect(alpha.allSatisfy { output.pixels[$0] == image.pixels[$0] })
    #expect(output.pixels.allSatisfy { (0...1).contains($0) })
    #expect(output.levels() != image.levels())
  }

  /// Splitting the rows over cores, or computing a range of rows alone, gives the same samples.
  @Test func rowsAreIndependentOfTheSplit() throws {
    let image = ReferenceImages.rgb8()
    let kernel = try GaussianBlur.kernel(for: .init(sigma: 1.7), bitDepth: .eight)
    let whole = kernel.apply(to: image, threads: 1)
    #expect(kernel.apply(to: image, threads: 2) == whole)
    var band = [Float](repeating: -1, count: image.pixels.count)
    band.withUnsafeMutableBufferPointer { kernel.apply(to: image, rows: 10..<13, into: $0) }
    let rows = 10 * image.rowStride..<13 * image.rowStride
    #expect(Array(band[rows]) == Array(whole.pixels[rows]))
    #expect(band[..<rows.lowerBound].allSatisfy { $0 == -1 } && band[rows.upperBound...].allSatisfy { $0 == -1 })
  }
}

enum ReferenceImageError: Error {
  case unknown(String)
}
