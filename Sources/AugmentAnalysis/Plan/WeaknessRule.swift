/// Whether the model is weak enough on a slice for new data to be worth making: the one rule `augment plan` and
/// a slice run (`--slice`, `run --plan`) both apply, so a plan never holds a slice its run would refuse.
///
/// When human-level performance is known, the slice's gap to it must be at least `minimumGap`. When it is not,
/// the only sign of weakness the data holds is the slice's error rate against the rest: it must exceed the overall
/// error rate by at least `minimumGap`. The gain a plan shares its budget by is the measured value (gap, or excess
/// error rate) times the slice's share: what overall accuracy would gain if the slice reached human level, or
/// the overall error rate.
public struct WeaknessRule: Sendable, Equatable {
  /// The smallest gap (a fraction, `0.01` = one point) that counts as weak; a recipe's `min_gap_to_hlp`.
  public var minimumGap: Double

  public static let defaultMinimumGap = 0.01

  public init(minimumGap: Double = WeaknessRule.defaultMinimumGap) {
    self.minimumGap = minimumGap
  }

  /// What the rule measured on one slice.
  public struct Judgement: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
      /// HLP is known: `value` is human accuracy minus the slice's accuracy.
      case gapToHLP(hlpAccuracy: Double)
      /// HLP is unknown: `value` is the slice's error rate minus the overall error rate.
      case errorRateAboveOverall(overallErrorRate: Double)
    }

    public var basis: Basis
    public var value: Double
    public var isWeak: Bool
    /// `max(0, value) × share`: the overall accuracy at stake.
    public var gain: Double
  }

  /// Judges `slice` against the `overall` figures of the same analysis (both counted, or both weighted).
  public func judge(_ slice: SliceFigures, overall: SliceFigures) -> Judgement {
    let basis: Judgement.Basis
    let value: Double
    if let hlp = slice.hlpAccuracy, let gap = slice.gapToHLP {
      (basis, value) = (.gapToHLP(hlpAccuracy: hlp), gap)
    } else {
      (basis, value) = (.errorRateAboveOverall(overallErrorRate: overall.errorRate), slice.errorRate - overall.errorRate)
    }
    return Judgement(basis: basis, value: value, isWeak: value >= minimumGap, gain: max(0, value) * slice.share)
  }
}
