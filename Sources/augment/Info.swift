import ArgumentParser
import Foundation
import MediaIO

/// `augment info FILE…`: what each audio or PNG file holds, without changing anything.
struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the format, size and duration or dimensions of audio and PNG files.",
    discussion: """
      Folders are searched recursively. Only headers are read, but the last frame each audio header \
      promises is decoded, so a file cut short is reported rather than listed at its header's length. \
      A file that cannot be read (cut short, a header outside the accepted rates, channels or length, \
      not a regular file, a symbolic link loop) is reported by name on standard error and the rest are \
      still listed; the exit status is then 65.
      """)

  @Argument(help: "Audio files (WAV, FLAC, OGG, AIFF…), PNG images, or folders of them.")
  var paths: [String]

  func run() throws {
    var failures = 0
    for url in try MediaFileList.expand(paths) {
      do {
        print(try describe(url))
      } catch {
        failures += 1
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      }
    }
    if failures > 0 { throw ExitCode.dataError }
  }

  private func describe(_ url: URL) throws -> String {
    let path = url.relativePath
    if url.pathExtension.lowercased() == "png" {
      let image = try PNGFile.read(from: url)
      let stored = try PNGFile.storedFormat(at: url)
      let expanded = stored.isExpandedOnRead ? "\t(stored as \(stored); read and written as shown)" : ""
      return "\(path)\tpng\t\(image.width)×\(image.height)\t\(image.layout.rawValue)\t\(image.bitDepth.rawValue)-bit"
        + expanded
    }
    let info = try AudioFile.info(at: url)
    let duration = String(format: "%.3f s", info.duration)
    return "\(path)\t\(info.format)\t\(info.sampleRate) Hz\t\(info.channelCount) ch\t\(info.frameCount) frames\t\(duration)"
  }
}
