import MediaIO

/// Brightness and contrast in albumentations' `RandomBrightnessContrast` convention.
///
/// On every colour sample `x` (normalised to `0...1`; alpha untouched):
///
///     out = clamp(α · (x − p) + p + β, 0, 1),   α = 1 + contrast,   β = brightness
///
/// `β` is a shift as a fraction of full scale (0.1 adds 25.5 levels to an 8-bit image, 6553.5 to a
/// 16-bit one) and `p` is the ``Pivot`` the contrast turns about. With ``Pivot/zero`` this is exactly
/// albumentations' default (`brightness_by_max=True`): `out = α · x + β`.
public struct BrightnessContrast: Transform {
  /// The value contrast leaves fixed.
  public enum Pivot: String, Codable, Sendable, CaseIterable {
    /// `p = 0`: contrast scales towards black (albumentations).
    case zero
    /// `p` = the mean of all colour samples of the input: contrast keeps the mean brightness.
    case mean
    /// `p = 0.5`: contrast turns about mid-grey.
    case midGrey
    /// `p = 1`: lowering contrast blends the image towards white, as haze or an over-lit scene washes it out.
    case white
  }

  public struct Parameters: Codable, Sendable, Equatable {
    /// `β`, the additive shift as a fraction of full scale, in `-1...1`.
    public var brightness: Double
    /// `α − 1`; `α = 1 + contrast` must lie in `0...10`.
    public var contrast: Double
    public var pivot: Pivot

    public init(brightness: Double, contrast: Double, pivot: Pivot) {
      self.brightness = brightness
      self.contrast = contrast
      self.pivot = pivot
    }
  }

  public static let name = "brightness-contrast"

  /// The range `β` is drawn from (albumentations' `brightness_limit`).
  public var brightnessRange: ClosedRange<Double>
  /// The range `contrast` is drawn from (albumentations' `contrast_limit`).
  public var contrastRange: ClosedRange<Double>
  public var pivot: Pivot
  /// Cores to split the rows over.
  public var threads: Int

  public init(
    brightness: ClosedRange<Double> = -0.2...0.2, contrast: ClosedRange<Double> = -0.2...0.2,
    pivot: Pivot = .zero, threads: Int = 1
  ) {
    brightnessRange = brightness
    contrastRange = contrast
    self.pivot = pivot
    self.threads = threads
  }

  /// Draws `contrast` then `brightness`, each uniformly in its range.
  public func sampleParameters(for input: Image, using rng: inout some RandomNumberGenerator) throws -> Parameters {
    let contrast = rng.uniform(in: contrastRange)
    let brightness = rng.uniform(in: brightnessRange)
    return Parameters(brightness: brightness, contrast: contrast, pivot: pivot)
  }

  public func apply(_ parameters: Parameters, to input: Image) throws -> Image {
    try Self.kernel(for: parameters, source: input).apply(to: input, threads: threads)
  }

  /// The per-sample kernel for `source`: `gain = α`, `offset = β + p · (1 − α)`, computed in `Double`.
  public static func kernel(for parameters: Parameters, source: Image) throws -> LinearPointKernel {
    try requireParameter(parameters.brightness, in: -1...1, name: "brightness", transform: name)
    try requireParameter(parameters.contrast, in: -1...9, name: "contrast", transform: name)
    let gain = 1 + parameters.contrast
    let pivot: Double =
      switch parameters.pivot {
      case .zero: 0
      case .mean: source.meanColorSample()
      case .midGrey: 0.5
      case .white: 1
      }
    return LinearPointKernel(gain: Float(gain), offset: Float(parameters.brightness + pivot * (1 - gain)))
  }
}

extension Image {
  /// The mean of every colour sample (alpha excluded), accumulated in `Double`.
  func meanColorSample() -> Double {
    let channels = channelCount
    let colorChannels = layout.colorChannelCount
    var total = 0.0
    pixels.withUnsafeBufferPointer { samples in
      for y in 0..<height {
        var rowSum: Double = 0
        for x in 0..<width {
          for c in 0..<colorChannels { rowSum += Double(samples[(y * width + x) * channels + c]) }
        }
        total += rowSum
      }
    }
    return total / Double(width * height * colorChannels)
  }
}
