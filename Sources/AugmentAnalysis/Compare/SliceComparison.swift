/// One slice (a tag, the untagged rows, or all rows) in the error analyses before and after retraining: its
/// accuracy and gap to human-level performance in each, the change with its confidence interval, how many
/// augmented samples it received, and the verdict.
///
/// Figures are counted per example, also for weighted tables: an interval for a weighted accuracy needs an
/// effective sample size that the tables do not give.
public struct SliceComparison: Codable, Equatable, Sendable {
  /// The slice in one of the two analyses.
  public struct Side: Codable, Equatable, Sendable {
    public var count: Int
    /// Examples the model got wrong.
    public var errors: Int
    public var accuracy: Double
    /// `nil` when HLP is unknown for the slice.
    public var hlpAccuracy: Double?
    /// `hlpAccuracy − accuracy`; `nil` when HLP is unknown.
    public var gapToHLP: Double?

    public init(count: Int, errors: Int, accuracy: Double, hlpAccuracy: Double?, gapToHLP: Double?) {
      self.count = count
      self.errors = errors
      self.accuracy = accuracy
      self.hlpAccuracy = hlpAccuracy
      self.gapToHLP = gapToHLP
    }

    /// The slice's figures, or `nil` for a slice without examples, which has none.
    init?(_ slice: SliceMetrics) {
      guard slice.count > 0 else { return nil }
      self.init(
        count: slice.count, errors: slice.errors, accuracy: slice.accuracy, hlpAccuracy: slice.hlpAccuracy,
        gapToHLP: slice.gapToHLP)
    }

    /// The examples the model got right out of all the slice's examples.
    var correct: Proportion? { Proportion(successes: count - errors, trials: count) }
  }

  public var name: String
  /// `nil` when the analysis before has no such slice.
  public var before: Side?
  /// `nil` when the analysis after has no such slice.
  public var after: Side?
  /// After's accuracy minus before's, with its interval (paired or not, as the comparison says); `nil` unless both
  /// analyses have the slice.
  public var accuracyChange: ProportionDifference?
  /// The slice's examples by what happened to each, with the exact McNemar test; `nil` unless the tables pair.
  public var paired: PairedOutcomes?
  /// Augmented samples made for the slice according to the manifests; `nil` when no manifest was given.
  public var samplesAdded: Int?
  public var verdict: ComparisonVerdict

  public init(
    name: String, before: Side?, after: Side?, accuracyChange: ProportionDifference?, paired: PairedOutcomes? = nil,
    samplesAdded: Int?, verdict: ComparisonVerdict
  ) {
    self.name = name
    self.before = before
    self.after = after
    self.accuracyChange = accuracyChange
    self.paired = paired
    self.samplesAdded = samplesAdded
    self.verdict = verdict
  }

  /// Compares one slice at `level`, example by example when `paired` holds its outcomes. `nil` when neither
  /// analysis has an example in the slice.
  init?(
    name: String, before: SliceMetrics?, after: SliceMetrics?, paired: PairedOutcomes?, samplesAdded: Int?,
    level: ConfidenceLevel
  ) {
    let before = before.flatMap(Side.init)
    let after = after.flatMap(Side.init)
    guard
      let verdict = ComparisonVerdict.between(before?.correct, after?.correct, paired: paired, level: level)
    else { return nil }
    self.init(
      name: name, before: before, after: after, accuracyChange: verdict.change,
      paired: verdict.change == nil ? nil : paired, samplesAdded: samplesAdded, verdict: verdict.verdict)
  }
}

extension ComparisonVerdict {
  /// The change from `before` to `after` and its verdict, where a missing side means the analysis does not have
  /// the slice (or class); `nil` when neither has it. With `paired` outcomes of the same examples, the interval is
  /// the paired one and the verdict the exact McNemar test's.
  static func between(_ before: Proportion?, _ after: Proportion?, paired: PairedOutcomes?, level: ConfidenceLevel)
    -> (change: ProportionDifference?, verdict: ComparisonVerdict)?
  {
    switch (before, after) {
    case (let before?, let after?):
      if let paired, let change = paired.change(z: level.z) {
        return (change, .paired(paired, level: level))
      }
      let change = ProportionDifference.newcombe(after, minus: before, z: level.z)
      return (change, change.verdict)
    case (_?, nil): return (nil, .onlyBefore)
    case (nil, _?): return (nil, .onlyAfter)
    case (nil, nil): return nil
    }
  }
}

extension ComparisonVerdict {
  /// The exact McNemar test's verdict on paired outcomes: a significant change is `improved` or `dropped` by the
  /// side more examples moved to; otherwise `worseNotSignificant` when more went wrong than right.
  static func paired(_ outcomes: PairedOutcomes, level: ConfidenceLevel) -> ComparisonVerdict {
    let worse = outcomes.becameWrong > outcomes.becameRight
    if outcomes.pValue < 1 - level.confidence { return worse ? .dropped : .improved }
    return worse ? .worseNotSignificant : .noClearChange
  }
}

/// A confidence level with its two-sided normal quantile, computed once per comparison.
struct ConfidenceLevel {
  let confidence: Double
  let z: Double

  /// - Throws: ``ComparisonError/invalidConfidence(_:)`` unless `confidence` lies strictly between 0 and 1.
  init(_ confidence: Double) throws {
    z = try NormalQuantile.twoSided(confidence: confidence)
    self.confidence = confidence
  }
}
