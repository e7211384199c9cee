import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running copy of the user's model command, spoken to in JSON Lines over its standard input and
/// output; its standard error is the run's, so its own messages reach the user.
///
/// Every exchange happens under the lock, so one process serves one batch at a time.
final class ModelProcess: Sendable {
  let command: String
  private let state: Mutex<State>

  private struct State {
    var process: Process
    var input: FileHandle
    var output: Int32
    /// Bytes read after the last complete line.
    var pending: [UInt8] = []
  }

  /// Starts `command` with `/bin/sh -c`. The writer ignores `SIGPIPE` (the caller's job), so a command
  /// that has died shows up as a failed write or an end of output, not as a signal.
  init(command: String) throws {
    self.command = command
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    do {
      try process.run()
    } catch {
      throw ModelError.cannotStart(command: command, reason: error.localizedDescription)
    }
    state = Mutex(State(process: process, input: input.fileHandleForWriting, output: output.fileHandleForReading.fileDescriptor))
    // The child's copies are what it reads and writes; ours would keep its input open after we close it.
    try? input.fileHandleForReading.close()
  }

  /// Sends the requests as one block of lines and returns the answer lines, one per request, as read.
  func exchange(_ requests: [ModelRequest], timeout: Double) throws -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var block = Data()
    for request in requests {
      block.append(try encoder.encode(request))
      block.append(0x0A)
    }
    return try state.withLock { state in
      do {
        try state.input.write(contentsOf: block)
      } catch {
        throw ModelError.exited(command: command, status: Self.status(of: state.process), answered: 0, expected: requests.count)
      }
      let deadline = Date().addingTimeInterval(timeout)
      var lines: [String] = []
      while lines.count < requests.count {
        if let newline = state.pending.firstIndex(of: 0x0A) {
          lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
          state.pending.removeSubrange(...newline)
          continue
        }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0, try Self.waitForInput(state.output, seconds: remaining) else {
          throw ModelError.timedOut(command: command, seconds: timeout, answered: lines.count, expected: requests.count)
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { read(state.output, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          throw ModelError.exited(
            command: command, status: Self.status(of: state.process), answered: lines.count, expected: requests.count)
        }
        state.pending += chunk.prefix(count)
      }
      return lines
    }
  }

  /// Closes the command's input (a well-behaved command then exits), and ends it if it has not after a
  /// second; an unanswered or faulty command is ended at once.
  func stop(graceful: Bool) {
    state.withLock { state in
      try? state.input.close()
      let deadline = Date().addingTimeInterval(graceful ? 1 : 0)
      while state.process.isRunning, Date() < deadline { usleep(10_000) }
      if state.process.isRunning { kill(state.process.processIdentifier, SIGKILL) }
      state.process.waitUntilExit()
    }
  }

  /// Whether `descriptor` has bytes (or its end) to read within `seconds`.
  private static func waitForInput(_ descriptor: Int32, seconds: Double) throws -> Bool {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(min(seconds * 1000, Double(Int32.max)).rounded(.up))
    while true {
      let ready = poll(&poller, 1, milliseconds)
      if ready < 0, errno == EINTR { continue }
      return ready > 0
    }
  }

  /// The exit status once the command has ended (it is given a moment to), else `nil`.
  private static func status(of process: Process) -> Int32? {
    let deadline = Date().addingTimeInterval(0.5)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    return process.isRunning ? nil : process.terminationStatus
  }
}
