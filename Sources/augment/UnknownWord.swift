import ArgumentParser
import AugmentCore

/// What `augment` says about a word its parser did not take, with the option or subcommand it most likely meant.
///
/// Every option of a slice run is optional and the run is the default subcommand, so `augment --cuont 10` and
/// `augment recipe` reach the run as unrecognised words rather than as the parser's own errors (which already
/// suggest options for the other subcommands).
enum UnknownWord {
  static func message(for word: String) -> String {
    if word.hasPrefix("-") {
      let name = String(word.prefix { $0 != "=" })
      return "Unknown option '\(word)'.\(hint(for: name, among: runOptions)) See 'augment run --help'."
    }
    return "Unknown subcommand or argument '\(word)'.\(hint(for: word, among: subcommands)) See 'augment --help'."
  }

  private static func hint(for word: String, among names: [String]) -> String {
    ClosestMatch.suggestion(for: word, among: names).map { " Did you mean '\($0)'?" } ?? ""
  }

  /// The long options `augment run` accepts, read from its own help so the list cannot fall behind the options.
  static var runOptions: [String] {
    let help = Run.helpMessage(includeHidden: false, columns: 10_000)
    var names: [String] = []
    for match in help.matches(of: /--[a-z][a-z0-9-]*/) where !names.contains(String(match.output)) {
      names.append(String(match.output))
    }
    return names
  }

  /// Every subcommand's name and aliases.
  static var subcommands: [String] {
    Augment.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
  }
}
