extension ScoreRule {
  /// What makes an example correct under this rule, for people: `score <= 0.1`.
  var condition: String {
    "score \(direction == .lowerIsBetter ? "<=" : ">=") \(threshold)"
  }

  /// What makes an example correct under `rule`, exact match when there is none.
  static func condition(of rule: ScoreRule?) -> String {
    rule?.condition ?? "prediction equals label"
  }
}
