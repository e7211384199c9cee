import AugmentCore
import Foundation
import MediaIO

@testable import AugmentPipeline

/// A factory of small byte files: source `unreadable` cannot be loaded, source `unusable` cannot be judged,
/// and a candidate whose draw is not divisible by 3 fails the checklist, so a run meets every kind of
/// rejection and skipped source.
struct ByteFactory: SampleFactory {
  struct Draw: Codable { var value: UInt64 }

  func fileExtension(for media: [UInt8]) -> String { "bin" }

  func load(_ source: SourceExample) throws -> [UInt8] {
    guard source.id != "unreadable" else { throw MediaError.fileNotFound(path: source.path) }
    return Array(source.id.utf8)
  }

  func byteCount(of media: [UInt8]) -> Int { media.count }

  func candidate(from original: [UInt8], using rng: inout Xoshiro256StarStar) throws -> ([UInt8], [AppliedTransform]) {
    let draw = rng.next()
    return (original + Array("-\(draw)".utf8), [try AppliedTransform(name: "draw", parameters: Draw(value: draw))])
  }

  func check(_ candidate: [UInt8], against original: [UInt8], source: SourceExample, records: [AppliedTransform]) throws
    -> [Verdict]
  {
    if source.id == "unusable" {
      throw SourceUnusable(rule: "draw-mod-3", reason: "too few bytes to judge", detail: "\(original.count) bytes")
    }
    let draw = try records[0].decodeParameters(Draw.self).value
    return [Verdict(rule: "draw-mod-3", kind: .realism, value: Double(draw % 3), maximum: 0, what: "draw mod 3", failure: "not divisible")]
  }

  func write(_ media: [UInt8], to url: URL) throws { try Data(media).write(to: url, options: .atomic) }
}

/// Reading a run's manifest back.
enum RunFiles {
  static func manifest(_ folder: URL, shard: Shard?) throws -> [ManifestRecord] {
    let data = try Data(contentsOf: OutputFolder(url: folder, shard: shard).manifestURL)
    return try data.split(separator: 0x0A).map { try JSONDecoder().decode(ManifestRecord.self, from: Data($0)) }
  }
}

/// A second SHA-256 to compare with: coreutils' `sha256sum`.
enum SHA256Reference {
  /// The digest `sha256sum` prints for the file.
  static func digest(of file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(text.prefix(64))
  }
}
