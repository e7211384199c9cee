import AugmentCore
import Foundation
import MediaIO

/// The realism features of one kind of media: their names, the smallest difference in each that matters
/// (the least spread ``FeatureScaling`` gives it), and how to measure them. Members and candidates are
/// measured by the same function.
struct RealismFeatureSet<Media>: Sendable {
  let names: [String]
  let resolutions: [Double]
  let measure: @Sendable (Media) -> [Double]
}

extension RealismFeatureSet where Media == AudioBuffer {
  static let audio = RealismFeatureSet(
    names: AudioRealismFeatures.names, resolutions: AudioRealismFeatures.resolutions, measure: AudioRealismFeatures.measure)
}

extension RealismFeatureSet where Media == Image {
  /// The image realism features.
  static let image = ImageStatistics.realismFeatures
}

extension ImageStatistics {
  /// Mean luminance, RMS contrast, log₁₀ sharpness (variance of the Laplacian spans decades) and the
  /// fraction of clipped pixels, as one realism feature vector.
  static let realismFeatures = RealismFeatureSet<Image>(
    names: ["mean-luminance", "rms-contrast", "log10-sharpness", "clipped-fraction"],
    resolutions: [0.01, 0.005, 0.05, 0.001],
    measure: { image in
      let statistics = ImageStatistics(of: image)
      return [
        statistics.meanLuminance, statistics.rmsContrast, log10(max(statistics.sharpness, 1e-9)),
        statistics.clippedFraction,
      ]
    })
}
