import AugmentAnalysis
import Foundation

/// Tables built in memory, named like files so error messages can be checked.
enum Fixtures {
  static func table(_ text: String, name: String = "errors.csv", options: TableOptions = TableOptions()) throws
    -> ErrorTable
  {
    try table(Data(text.utf8), name: name, options: options)
  }

  static func table(_ data: Data, name: String = "errors.csv", options: TableOptions = TableOptions()) throws
    -> ErrorTable
  {
    try ErrorTable(data: data, source: URL(fileURLWithPath: name), options: options)
  }

  static func hlp(_ text: String, name: String = "hlp.csv") throws -> HLPTable {
    try HLPTable(data: Data(text.utf8), source: name)
  }

  /// The speech example of DeepLearning.AI's "Machine Learning in Production" (week 2, prioritising what to work
  /// on), built row by row so the slices come out exactly: clean speech 94% vs HLP 95% on 60% of the data, car
  /// noise 89% vs 93% on 4%, people noise 87% vs 89% on 30%, low bandwidth 70% vs 70% on 6%. Clean speech is the
  /// untagged slice. Correctness is by word error rate (WER <= 0.1); HLP comes from `human_score`, a human
  /// transcriber's WER on the same clip.
  static func speechTable() throws -> ErrorTable {
    var csv = "id,path,label,prediction,score,human_score,tags\n"
    var id = 0
    func add(count: Int, correct: Int, humanCorrect: Int, tags: String) {
      for index in 0..<count {
        id += 1
        let score = index < correct ? "0.0" : "0.5"
        let humanScore = index < humanCorrect ? "0.0" : "0.5"
        csv += "\(id),clips/\(id).wav,turn left,\(index < correct ? "turn left" : "turn lift"),"
        csv += "\(score),\(humanScore),\(tags)\n"
      }
    }
    add(count: 3000, correct: 2820, humanCorrect: 2850, tags: "")
    add(count: 200, correct: 178, humanCorrect: 186, tags: "car-noise")
    add(count: 1500, correct: 1305, humanCorrect: 1335, tags: "people-noise")
    add(count: 300, correct: 210, humanCorrect: 210, tags: "low-bandwidth")
    return try table(csv, name: "speech.csv", options: TableOptions(scoreRule: ScoreRule(threshold: 0.1)))
  }

  /// The analysis of ``speechTable()``.
  static func speechReport() throws -> AnalysisReport {
    try AnalysisReport(table: speechTable())
  }
}
