/// What `summary.json` says about the model (`model`): its accuracy on the samples the folder holds
/// beside its accuracy on the slice's real members, and how the keep policy aimed.
///
/// Samples far easier for the model than the real members teach it little; samples far harder are
/// likely unrealistic or unclear.
public struct ModelSummary: Sendable, Equatable, Codable {
  public var keep: String
  /// The real members of the slice the model was asked about (those calibration reads).
  public var members: Accuracy
  /// Every sample in the folder, including those of runs this one resumed.
  public var accepted: Accuracy
  /// The error rate the keep policy aims the accepted samples at; absent for `all`.
  public var targetErrorRate: Double?
  /// How far the accepted samples' error rate may lie from the target: half a sample, `1/(2·accepted)`.
  public var tolerance: Double?
  /// Seconds the last invocation waited for the model's answers (members and candidates).
  public var seconds: Double

  public struct Accuracy: Sendable, Equatable, Codable {
    public var scored: Int
    public var correct: Int
    /// `correct / scored`; absent when nothing was scored.
    public var accuracy: Double?

    init(_ answers: [ModelAnswer]) {
      self.init(scored: answers.count, correct: answers.filter(\.correct).count)
    }

    init(scored: Int, correct: Int) {
      self.scored = scored
      self.correct = correct
      accuracy = scored > 0 ? Double(correct) / Double(scored) : nil
    }

    /// The share the model got wrong; 0 when nothing was scored.
    var errorRate: Double { accuracy.map { 1 - $0 } ?? 0 }
  }

  /// Half a sample of `accepted`: the closest an error rate over them can come to any target.
  static func tolerance(accepted: Int) -> Double { 0.5 / Double(max(1, accepted)) }

  enum CodingKeys: String, CodingKey {
    case keep, members, accepted, tolerance, seconds
    case targetErrorRate = "target_error_rate"
  }
}
