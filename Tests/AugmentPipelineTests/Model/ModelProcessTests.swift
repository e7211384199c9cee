import Foundation
import Testing

@testable import AugmentPipeline

/// The JSON Lines exchange with a real process.
struct ModelProcessTests {
  /// 3000 requests (about 400 KB) to a command that answers each line as it reads it, with 200 bytes of
  /// padding (about 750 KB back): both pipes fill many times over, so a writer that blocked until the
  /// whole batch was written would wait forever on a command waiting for its answers to be read.
  @Test func aLargeBatchAnsweredWhileItIsReadDoesNotDeadlock() throws {
    let echo = """
      import json, sys
      for line in sys.stdin:
          request = json.loads(line)
          print(json.dumps({"id": request["id"], "prediction": request["label"], "padding": "x" * 200}), flush=True)
      """
    let process = try ModelProcess(command: "python3 -c '\(echo)'")
    defer { process.stop(graceful: true) }
    let requests = (0..<3000).map {
      ModelRequest(id: "sample-\($0)", path: "/" + String(repeating: "p", count: 100) + "/\($0).wav", label: "label \($0 % 7)")
    }
    let lines = try process.exchange(requests, timeout: 60)
    #expect(lines.count == 3000)
    let answers = try lines.map { try ModelAnswer.parse($0, command: "echo") { "label \((Int($0.dropFirst(7)) ?? 0) % 7)" } }
    #expect(answers.map(\.id) == requests.map(\.id) && answers.allSatisfy(\.answer.correct))
  }
}
