import AugmentPipeline
import Foundation

/// Shows a run's progress on standard error: a bar redrawn in place on a terminal, plain lines
/// (at most one per tenth of the run) otherwise, so logs stay readable.
final class ProgressDisplay {
  private let slice: String
  private let isTerminal = isatty(STDERR_FILENO) == 1
  private var lastDecile = -1
  private var drewBar = false

  init(slice: String) { self.slice = slice }

  func update(_ progress: RunProgress) {
    let rate = progress.seconds > 0 ? Double(progress.made) / progress.seconds : 0
    let counts = "\(progress.made)/\(progress.target)  rejected \(progress.rejected)  \(String(format: "%.1f", rate))/s"
    if isTerminal {
      let width = 30
      let filled = progress.target > 0 ? min(width, width * progress.made / progress.target) : width
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      write("\r\(slice) \(bar) \(counts)\u{1B}[K")
      drewBar = true
    } else {
      let decile = progress.target > 0 ? 10 * progress.made / progress.target : 10
      guard decile != lastDecile else { return }
      lastDecile = decile
      write("\(slice): made \(counts)\n")
    }
  }

  func finish() {
    if drewBar { write("\n") }
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
