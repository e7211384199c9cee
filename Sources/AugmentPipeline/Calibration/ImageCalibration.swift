import AugmentCore
import MediaIO

/// What the real examples of an image slice look like: their realism features (the points the k-NN
/// realism gate tests candidates against, ``RealismReference``), and mean luminance, RMS contrast,
/// sharpness (variance of the Laplacian) and the fraction of clipped pixels, each as a range over the
/// members. Candidates may clip as much as the most clipped member, or the recipe's limit if larger.
/// An `exposure` or `spotlight` transform draws its target luminance from the members' luminance range,
/// and from their distribution of it when there are enough (``MatchedDraws``).
public struct ImageCalibration: Sendable {
  public var memberCount: Int
  public var ranges: [String: MeasuredRange]
  public var clippedFraction: MeasuredRange?
  public var notes: [String]
  /// Each readable member's mean luminance, in member order.
  let luminances: [Double]
  /// The members as points in realism-feature space.
  let realism: RealismReference

  init(recipe: Recipe, members: [SourceExample], jobs: Int) {
    realism = RealismReference(slice: recipe.name, members: members, features: .image, jobs: jobs) { member in
      try ImageFile.read(from: member.url).image
    }
    let measured = MemberMeasurement.measure(members, jobs: jobs) { member in
      ImageStatistics(of: try ImageFile.read(from: member.url).image)
    }
    memberCount = measured.values.count
    notes = measured.problems.map { "real \(recipe.name) member skipped: \($0)" }
    var ranges: [String: MeasuredRange] = [:]
    for statistic in ImageStatistic.allCases {
      ranges[statistic.rawValue] = MeasuredRange(measured.values.map(statistic.measure))
    }
    self.ranges = ranges
    luminances = measured.values.map(ImageStatistic.luminance.measure)
    clippedFraction = MeasuredRange(measured.values.map(\.clippedFraction))
    notes += realism.notes
  }

  /// The most a candidate may clip: the recipe's limit, or more if real members clip more.
  func clippingBound(limit: Double) -> Double {
    max(limit, clippedFraction?.observed.upper ?? 0)
  }

  /// The real members' values of a counterpart feature: their mean luminance, or a realism feature.
  func memberValues(of feature: String) -> [Double] {
    feature == ImageStatistic.luminance.rawValue ? luminances : realism.members.column(feature)
  }

  /// The mean-luminance range of the real members, which an `exposure` transform draws its target from.
  var memberLuminance: ParameterRange? { ranges[ImageStatistic.luminance.rawValue]?.observed }

  public var lines: [String] {
    ["calibrated on \(memberCount) real members"]
      + ImageStatistic.allCases.compactMap { statistic in
        ranges[statistic.rawValue].map { "  \(statistic.label) of members: \($0.observed)" }
      } + realism.lines
  }
}
