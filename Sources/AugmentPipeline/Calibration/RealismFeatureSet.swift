import AugmentCore
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
  static let image = RealismFeatureSet(
    names: ImageRealismFeatures.names, resolutions: ImageRealismFeatures.resolutions, measure: ImageRealismFeatures.measure)
}
