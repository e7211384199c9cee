/// Why the user's model (`--model-cmd`) could not score a batch. Any of these stops the run after the
/// batches already written; `--resume` continues once the command works.
public enum ModelError: Error, Equatable, CustomStringConvertible {
  /// The shell could not be started at all.
  case cannotStart(command: String, reason: String)
  /// The command ended (or closed its output) before answering every candidate of a batch.
  case exited(command: String, status: Int32?, answered: Int, expected: Int)
  /// No complete answer to a batch arrived within `--model-timeout` seconds.
  case timedOut(command: String, seconds: Double, answered: Int, expected: Int)
  /// An answer line is not a JSON object with an `id` and a `prediction` (and an optional numeric `score`).
  case malformedAnswer(command: String, line: String, problem: String)
  /// An answer names an id that was not asked in its batch, or the same id twice.
  case unexpectedID(command: String, id: String)

  public var description: String {
    switch self {
    case .cannotStart(let command, let reason):
      "model command “\(command)” could not be started (\(reason)). Check --model-cmd, then run again with --resume."
    case .exited(let command, let status, let answered, let expected):
      "model command “\(command)” ended\(status.map { " with status \($0)" } ?? "") after answering \(answered) of "
        + "\(expected) candidates (its error output is above). Fix it, then run again with --resume."
    case .timedOut(let command, let seconds, let answered, let expected):
      "model command “\(command)” answered \(answered) of \(expected) candidates within \(Self.format(seconds)) s. "
        + "Make it flush each answer line, or raise --model-timeout; then run again with --resume."
    case .malformedAnswer(let command, let line, let problem):
      "model command “\(command)” answered “\(line.prefix(200))”: \(problem). Each line must be a JSON object "
        + #"{"id": …, "prediction": …} with an optional numeric "score". Fix it, then run again with --resume."#
    case .unexpectedID(let command, let id):
      "model command “\(command)” answered id “\(id)”, which its batch did not ask for (or asked once and was "
        + "answered twice). Answer each request's id once; then run again with --resume."
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
