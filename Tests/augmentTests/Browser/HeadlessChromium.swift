import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a preview page in headless Chromium (Debian's `chromium`) and reports what the browser itself
/// found: every `<img>` decoded, every `<audio>` loaded its metadata, and no console message, uncaught
/// exception or failed load in the browser's log.
///
/// It speaks the DevTools protocol over `--remote-debugging-pipe` (JSON messages ended by a NUL byte, on
/// file descriptors 3 and 4): it listens to the console and the log from before the page loads, and waits
/// for the check's promise itself, so nothing depends on how long the browser takes.
struct HeadlessChromium {
  struct Report: Decodable {
    var images: Int
    var audio: Int
    var problems: [String]
    /// Console messages, uncaught exceptions and log entries of the page.
    var console: [String] = []

    enum CodingKeys: String, CodingKey { case images, audio, problems }
  }

  enum Failure: Error, CustomStringConvertible {
    case notInstalled
    case protocolError(String)

    var description: String {
      switch self {
      case .notInstalled: "chromium is not on the PATH: apt-get install -y chromium (CI installs it)"
      case .protocolError(let detail): "chromium: \(detail)"
      }
    }
  }

  /// The `chromium` executable on the PATH.
  static func executable() throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw Failure.notInstalled
  }

  /// Loads `page` and returns what the browser found.
  static func check(_ page: URL) throws -> Report {
    let chromium = try executable()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let toBrowser = folder.appendingPathComponent("in"), fromBrowser = folder.appendingPathComponent("out")
    guard mkfifo(toBrowser.path, 0o600) == 0, mkfifo(fromBrowser.path, 0o600) == 0 else {
      throw Failure.protocolError("cannot make the pipes in \(folder.path)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", "exec \"$0\" --headless --disable-gpu --no-sandbox --mute-audio --remote-debugging-pipe "
        + "--user-data-dir=\"$1/profile\" about:blank 3<\"$1/in\" 4>\"$1/out\"",
      chromium.path, folder.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    let session = DevToolsPipe(
      writing: try FileHandle(forWritingTo: toBrowser), reading: try FileHandle(forReadingFrom: fromBrowser))
    let target = try session.call("Target.createTarget", ["url": "about:blank"])
    guard let targetId = target["targetId"] as? String else { throw Failure.protocolError("no target") }
    let attached = try session.call("Target.attachToTarget", ["targetId": targetId, "flatten": true])
    guard let sessionId = attached["sessionId"] as? String else { throw Failure.protocolError("no session") }
    for domain in ["Runtime.enable", "Log.enable", "Page.enable"] { _ = try session.call(domain, [:], in: sessionId) }
    _ = try session.call("Page.navigate", ["url": page.absoluteString], in: sessionId)
    try session.wait(for: "Page.loadEventFired")
    let result = try session.call(
      "Runtime.evaluate", ["expression": checkScript, "awaitPromise": true, "returnByValue": true], in: sessionId)
    guard let value = (result["result"] as? [String: Any])?["value"] as? String else {
      throw Failure.protocolError("the check returned \(result)")
    }
    _ = try? session.call("Browser.close", [:])
    var report = try JSONDecoder().decode(Report.self, from: Data(value.utf8))
    report.console = session.messages
    return report
  }

  /// Forces lazy images and `preload="none"` players to load, and waits for each to decode or fail.
  static let checkScript = """
    (async () => {
      const problems = [];
      const images = [...document.images];
      for (const image of images) image.loading = "eager";
      await Promise.all(images.map(image => image.decode().catch(error =>
        problems.push("image " + image.getAttribute("src") + ": " + error.message))));
      const players = [...document.querySelectorAll("audio")];
      await Promise.all(players.map(player => new Promise(resolve => {
        if (player.readyState >= 1) return resolve();
        player.addEventListener("loadedmetadata", resolve, {once: true});
        player.addEventListener("error", () => {
          problems.push("audio " + player.getAttribute("src") + ": media error " + (player.error && player.error.code));
          resolve();
        }, {once: true});
        player.preload = "metadata";
        player.load();
      })));
      return JSON.stringify({images: images.length, audio: players.length, problems});
    })()
    """
}

/// The DevTools protocol over a pair of pipes: numbered calls and their results, and the page's console,
/// exception and log events collected on the way.
final class DevToolsPipe {
  private let writing: FileHandle
  private let reading: FileHandle
  private var buffer = Data()
  private var nextID = 1
  private var events: [String] = []
  /// Console calls, uncaught exceptions and log entries, as text.
  private(set) var messages: [String] = []

  init(writing: FileHandle, reading: FileHandle) {
    self.writing = writing
    self.reading = reading
  }

  /// Sends `method` and returns its result, noting every event that arrives before it.
  func call(_ method: String, _ parameters: [String: Any], in session: String? = nil) throws -> [String: Any] {
    let id = nextID
    nextID += 1
    var message: [String: Any] = ["id": id, "method": method, "params": parameters]
    if let session { message["sessionId"] = session }
    try writing.write(contentsOf: try JSONSerialization.data(withJSONObject: message) + Data([0]))
    while true {
      let reply = try next()
      guard reply["id"] as? Int == id else { continue }
      if let error = reply["error"] { throw HeadlessChromium.Failure.protocolError("\(method): \(error)") }
      return reply["result"] as? [String: Any] ?? [:]
    }
  }

  /// Reads until the event `method` has arrived (or had arrived already).
  func wait(for method: String) throws {
    while !events.contains(method) { _ = try next() }
  }

  private func next() throws -> [String: Any] {
    while true {
      if let end = buffer.firstIndex(of: 0) {
        let message = buffer[buffer.startIndex..<end]
        buffer = Data(buffer[(end + 1)...])
        guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
        if let method = object["method"] as? String { note(method, object["params"] as? [String: Any] ?? [:]) }
        return object
      }
      // `availableData` returns what the pipe holds; `read(upToCount:)` would wait for the whole count.
      let chunk = reading.availableData
      guard !chunk.isEmpty else {
        throw HeadlessChromium.Failure.protocolError("the browser closed the pipe")
      }
      buffer += chunk
    }
  }

  private func note(_ method: String, _ parameters: [String: Any]) {
    events.append(method)
    switch method {
    case "Runtime.consoleAPICalled":
      let arguments = (parameters["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
      messages.append("console.\(parameters["type"] ?? ""): \(arguments.joined(separator: " "))")
    case "Runtime.exceptionThrown":
      let details = parameters["exceptionDetails"] as? [String: Any] ?? [:]
      let exception = (details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? ""
      messages.append("exception: \(exception)")
    case "Log.entryAdded":
      let entry = parameters["entry"] as? [String: Any] ?? [:]
      messages.append("log \(entry["level"] ?? ""): \(entry["text"] ?? "") \(entry["url"] ?? "")")
    default: break
    }
  }
}
