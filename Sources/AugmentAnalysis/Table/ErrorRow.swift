/// One example of an error-analysis table: what it is, what the model said, whether that was right, and the
/// slices (tags) it belongs to.
public struct ErrorRow: Equatable, Sendable {
  /// The 1-based line of the table the row starts on, for messages that point back at the file.
  public var line: Int
  public var id: String?
  /// The example's media file as written in the table (relative paths are relative to the table's directory).
  public var path: String?
  /// The ground-truth label (for speech, the reference transcript).
  public var label: String
  /// The model's output; absent only when correctness comes from a score.
  public var prediction: String?
  /// A human's answer for the same example, used to estimate human-level performance.
  public var humanLabel: String?
  /// A human's score under the same score rule as the model (e.g. the WER of a human transcript).
  public var humanScore: Double?
  /// How much the example matters; 1 when the table has no `weight` column.
  public var weight: Double
  public var score: Double?
  /// The row's tags in the order they were written, without duplicates.
  public var tags: [String]
  /// Every other column (e.g. `gender`, `device`), keyed by the header as written.
  public var extra: [String: String]
  /// Whether the model was right: exact match of prediction and label, or the score rule.
  public var isCorrect: Bool
  /// Whether the human was right, judged like the model: `humanLabel == label` under exact match, the score
  /// rule applied to `humanScore` otherwise; `nil` when the row has no human answer of that kind.
  public var isHumanCorrect: Bool?

  public init(
    line: Int, id: String? = nil, path: String? = nil, label: String, prediction: String?,
    humanLabel: String? = nil, humanScore: Double? = nil, weight: Double = 1, score: Double? = nil,
    tags: [String] = [], extra: [String: String] = [:], isCorrect: Bool, isHumanCorrect: Bool? = nil
  ) {
    self.line = line
    self.id = id
    self.path = path
    self.label = label
    self.prediction = prediction
    self.humanLabel = humanLabel
    self.humanScore = humanScore
    self.weight = weight
    self.score = score
    self.tags = tags
    self.extra = extra
    self.isCorrect = isCorrect
    self.isHumanCorrect = isHumanCorrect
  }

  /// Whether the row belongs to no slice at all.
  public var isUntagged: Bool { tags.isEmpty }
}
