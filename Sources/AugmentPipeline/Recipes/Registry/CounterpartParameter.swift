/// A transform parameter whose effect on the output is measured: the output's counterpart feature, which
/// the slice's real members are measured by too. A run draws such a parameter so that the outputs' feature
/// follows the members' distribution of it (``MatchedDraws``), rather than uniformly over the range.
public struct CounterpartParameter: Sendable, Equatable {
  /// How a parameter value maps to the feature expected of the output.
  public enum Mapping: Sendable, Equatable {
    /// Measured before the run on a few pilot candidates (``DrawPilot``).
    case pilot
    /// The parameter is the feature: the transform sets it exactly (a target mean luminance).
    case identity
  }

  /// The recipe key, e.g. `snr_db`.
  public var key: String
  /// The feature: a realism feature name (``AudioRealismFeatures/names``, ``ImageRealismFeatures/names``),
  /// or `mean-luminance` for an image's mean Rec. 709 luminance.
  public var feature: String
  /// The parameter's range as the run uses it (calibrated): the pilot's grid spans it and draws are clamped to it.
  public var range: ParameterRange
  public var mapping: Mapping

  public init(key: String, feature: String, range: ParameterRange, mapping: Mapping = .pilot) {
    self.key = key
    self.feature = feature
    self.range = range
    self.mapping = mapping
  }
}
