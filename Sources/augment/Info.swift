import ArgumentParser
import Foundation
import MediaIO

/// `augment info FILE…`: what each audio or image file holds, without changing anything.
struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the format, size and duration or dimensions of audio and image files.",
    discussion: """
      Folders are searched recursively and every file in them is listed (hidden ones excepted); the \
      format is told from each file's content, not its name. Files in a format the tool does not read \
      are listed as unsupported, with the reason. Only headers are read, but the last frame each audio \
      header promises is decoded, so a file cut short is reported rather than listed at its header's \
      length. A file that cannot be read (cut short, a header outside the accepted rates, channels or \
      length, not a regular file, a symbolic link loop) is reported by name on standard error and the \
      rest are still listed; the exit status is then 65.
      """)

  @Argument(help: "Audio files (WAV, FLAC, OGG, AIFF, MP3…), PNG or JPEG images, or folders of them.")
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
    // By content, else by name: a damaged `.wav` is reported by the audio reader, not listed as unsupported;
    // a path that is no regular file (a named pipe, a link loop) is reported as such.
    guard let format = try MediaFormat.detect(at: url) ?? MediaFormat(fileExtension: url.pathExtension) else {
      return "\(path)\tunsupported\tneither audio nor an image in a format the tool reads"
    }
    if let reason = format.unsupportedReason { return "\(path)\tunsupported\t\(reason)" }
    if format.kind == .image {
      let decoded: ImageFile.Decoded
      do {
        decoded = try ImageFile.read(from: url)
      } catch MediaError.unsupported(_, let detail) {
        return "\(path)\tunsupported\t\(detail)"  // a CMYK JPEG
      }
      let image = decoded.image
      let quality = if case .jpeg(let quality) = decoded.encoding { "\tquality \(quality)" } else { "" }
      var expanded = ""
      if format == .png, case let stored = try PNGFile.storedFormat(at: url), stored.isExpandedOnRead {
        expanded = "\t(stored as \(stored); read and written as shown)"
      }
      return "\(path)\t\(format.rawValue)\t\(image.width)×\(image.height)\t\(image.layout.rawValue)\t"
        + "\(image.bitDepth.rawValue)-bit\(quality)\(expanded)"
    }
    let info = try AudioFile.info(at: url)
    let duration = String(format: "%.3f s", info.duration)
    return "\(path)\t\(info.format)\t\(info.sampleRate) Hz\t\(info.channelCount) ch\t\(info.frameCount) frames\t\(duration)"
  }
}
