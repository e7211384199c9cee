import AugmentCore

/// How far the run's samples are from real members of the slice, as `summary.json` reports it under
/// `realism`: the cross-validated ROC AUC of a classifier telling real members from accepted samples
/// (``ClassifierTwoSampleTest``; 0.5 = indistinguishable on the realism features), and the same for the
/// first candidate drawn for each index, accepted or not, which is what the run would have made without
/// the realism gate. The difference is what the gate bought.
///
/// Encoded as the string `"not measured"` when the slice had too few members for the gate or the run
/// too few samples for the test (a note in the summary says which).
public enum RealismFigure: Sendable, Equatable, Codable {
  case notMeasured
  case measured(Measured)

  public static let notMeasuredText = "not measured"

  public struct Measured: Sendable, Equatable, Codable {
    public var c2stAUC: Double
    /// DeLong's 95 % interval, `[lower, upper]`.
    public var c2stAUCCI: [Double]
    public var members: Int
    public var accepted: Int
    public var ungatedC2STAUC: Double
    public var ungatedC2STAUCCI: [Double]
    /// The features the test was run on, in order.
    public var features: [String]

    enum CodingKeys: String, CodingKey {
      case members, accepted, features
      case c2stAUC = "c2st_auc", c2stAUCCI = "c2st_auc_ci"
      case ungatedC2STAUC = "ungated_c2st_auc", ungatedC2STAUCCI = "ungated_c2st_auc_ci"
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let text = try? container.decode(String.self) {
      guard text == Self.notMeasuredText else {
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "realism is “\(text)”, not “\(Self.notMeasuredText)” or an object")
      }
      self = .notMeasured
    } else {
      self = .measured(try container.decode(Measured.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .notMeasured: try container.encode(Self.notMeasuredText)
    case .measured(let measured): try container.encode(measured)
    }
  }

  /// One line for the terminal and the preview.
  public var line: String {
    switch self {
    case .notMeasured: return "realism: not measured"
    case .measured(let m):
      func figure(_ auc: Double, _ ci: [Double]) -> String {
        "\(Verdict.format(auc)) (95 % CI \(Verdict.format(ci[0]))…\(Verdict.format(ci[1])))"
      }
      return "realism: C2ST AUC \(figure(m.c2stAUC, m.c2stAUCCI)) for \(m.accepted) accepted samples against \(m.members) "
        + "real members; without the gate \(figure(m.ungatedC2STAUC, m.ungatedC2STAUCCI)) (0.5 = indistinguishable)"
    }
  }
}

extension RealismFigure {
  /// The `realism` key of a `summary.json`, absent in summaries written before realism was measured.
  struct InSummary: Decodable {
    let realism: RealismFigure?
  }
}

/// The realism features of a run's candidates, gathered from the gate's verdicts in the manifest and
/// `rejected.jsonl`, so that a resumed run recomputes the figure over the whole folder.
struct RealismSamples {
  /// The features of each accepted sample, by index.
  private var accepted: [Int: [String: Double]] = [:]
  /// The features of the first candidate of each index that reached the gate, by index.
  private var firstDraws: [Int: (attempt: Int, features: [String: Double])] = [:]

  mutating func add(index: Int, attempt: Int, checks: [String: Verdict], accepted isAccepted: Bool) {
    guard let features = checks[RealismGate<Never>.name]?.features else { return }
    if isAccepted { accepted[index] = features }
    if firstDraws[index].map({ attempt < $0.attempt }) ?? true { firstDraws[index] = (attempt, features) }
  }

  /// The run's figure over `members`, or `nil` when the media has no realism features; a note when it is
  /// not measured for want of accepted samples (too few members is noted at calibration).
  func figure(members: RealismMembers?, seed: UInt64) -> (figure: RealismFigure?, note: String?) {
    guard let members else { return (nil, nil) }
    guard members.areEnoughForTheGate else { return (.notMeasured, nil) }
    func vectors(_ byIndex: [Int: [String: Double]]) -> [[Double]] {
      byIndex.keys.sorted().compactMap { members.vector(byIndex[$0]!) }
    }
    let gated = vectors(accepted), ungated = vectors(firstDraws.mapValues(\.features))
    guard let gatedArea = ClassifierTwoSampleTest.auc(real: members.values, generated: gated, seed: seed),
      let ungatedArea = ClassifierTwoSampleTest.auc(real: members.values, generated: ungated, seed: seed)
    else {
      return (.notMeasured, "\(Self.tooFewSamplesNote) \(gated.count) accepted samples, fewer than the 2 it needs")
    }
    return (
      .measured(
        .init(
          c2stAUC: gatedArea.auc, c2stAUCCI: [gatedArea.lower, gatedArea.upper], members: members.members.count,
          accepted: gated.count, ungatedC2STAUC: ungatedArea.auc, ungatedC2STAUCCI: [ungatedArea.lower, ungatedArea.upper],
          features: members.features)), nil
    )
  }

  /// How the note on too few accepted samples begins; a merge replaces the shards' notes with its own.
  static let tooFewSamplesNote = "realism two-sample test not run:"
}
