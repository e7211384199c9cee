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
  /// Owns the descriptors `state` uses, so they stay open as long as the process is spoken to.
  private let pipes: (input: Pipe, output: Pipe)

  private struct State {
    var process: Process
    /// The command's standard input, non-blocking so that a full pipe never stops an exchange.
    var input: Int32
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
    let inputDescriptor = input.fileHandleForWriting.fileDescriptor
    _ = fcntl(inputDescriptor, F_SETFL, fcntl(inputDescriptor, F_GETFL) | O_NONBLOCK)
    state = Mutex(State(process: process, input: inputDescriptor, output: output.fileHandleForReading.fileDescriptor))
    pipes = (input, output)
    // The child's copies are what it reads and writes; ours would keep its input open after we close it.
    try? input.fileHandleForReading.close()
  }

  /// Sends the requests as one block of lines and returns the answer lines, one per request, as read.
  ///
  /// Writing and reading are interleaved with `poll(2)`: a command that answers while it reads a large
  /// batch fills its output pipe, and a blocking write of the rest would then wait for it forever.
  func exchange(_ requests: [ModelRequest], timeout: Double) throws -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var block: [UInt8] = []
    for request in requests {
      block += try encoder.encode(request)
      block.append(0x0A)
    }
    return try state.withLock { state in
      let deadline = Date().addingTimeInterval(timeout)
      var written = 0
      var lines: [String] = []
      func exited() -> ModelError {
        .exited(command: command, status: Self.status(of: state.process), answered: lines.count, expected: requests.count)
      }
      while lines.count < requests.count {
        if let newline = state.pending.firstIndex(of: 0x0A) {
          lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
          state.pending.removeSubrange(...newline)
          continue
        }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else {
          throw ModelError.timedOut(command: command, seconds: timeout, answered: lines.count, expected: requests.count)
        }
        var descriptors = [
          pollfd(fd: state.output, events: Int16(POLLIN), revents: 0),
          pollfd(fd: written < block.count ? state.input : -1, events: Int16(POLLOUT), revents: 0),
        ]
        let ready = poll(&descriptors, 2, Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up)))
        if ready < 0, errno == EINTR { continue }
        guard ready > 0 else { continue }
        if descriptors[1].revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 {
          // Safe: `written < block.count`, and at most `block.count - written` bytes are passed.
          let count = block.withUnsafeBytes { write(state.input, $0.baseAddress! + written, block.count - written) }
          if count < 0, errno != EAGAIN, errno != EINTR { throw exited() }
          if count > 0 { written += count }
        }
        if descriptors[0].revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 {
          var chunk = [UInt8](repeating: 0, count: 65536)
          let count = chunk.withUnsafeMutableBytes { read(state.output, $0.baseAddress, $0.count) }
          if count < 0, errno == EINTR || errno == EAGAIN { continue }
          guard count > 0 else { throw exited() }
          state.pending += chunk.prefix(count)
        }
      }
      return lines
    }
  }

  /// Closes the command's input (a well-behaved command then exits), and ends it if it has not after a
  /// second; an unanswered or faulty command is ended at once.
  func stop(graceful: Bool) {
    state.withLock { state in
      try? pipes.input.fileHandleForWriting.close()
      let deadline = Date().addingTimeInterval(graceful ? 1 : 0)
      while state.process.isRunning, Date() < deadline { usleep(10_000) }
      if state.process.isRunning { kill(state.process.processIdentifier, SIGKILL) }
      state.process.waitUntilExit()
    }
  }

  /// The exit status once the command has ended (it is given a moment to), else `nil`.
  private static func status(of process: Process) -> Int32? {
    let deadline = Date().addingTimeInterval(0.5)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    return process.isRunning ? nil : process.terminationStatus
  }
}
