import Foundation

/// Why a media file could not be read or written. Every case names the file.
public enum MediaError: Error, Sendable, Equatable {
  /// Nothing exists at the path.
  case fileNotFound(path: String)
  /// The file is empty.
  case emptyFile(path: String)
  /// The bytes are not audio that libsndfile recognises.
  case notAudio(path: String, reason: String)
  /// The bytes are not a PNG image.
  case notPNG(path: String)
  /// The file ends before the data its header promises.
  case truncated(path: String, detail: String)
  /// The file is valid but uses something this tool cannot read or write.
  case unsupported(path: String, detail: String)
  /// The audio has no frames.
  case noFrames(path: String)
  /// The image is larger than ``PNGFile/maximumDimension`` or ``PNGFile/maximumPixelCount``.
  case imageTooLarge(path: String, width: Int, height: Int)
  /// The data inside the file is damaged.
  case corrupt(path: String, detail: String)
  /// Writing failed (disk full, permissions, an unwritable folder…).
  case writeFailed(path: String, detail: String)
  /// The file exists but could not be read (a folder, no permission, an I/O error).
  case readFailed(path: String, detail: String)
  /// The header declares a value outside what ``MediaLimit`` accepts.
  case outOfRange(path: String, limit: MediaLimit, value: Int)
  /// The audio holds NaN or infinite samples: `count` of them, the first in frame `firstFrame`.
  case nonFiniteSamples(path: String, count: Int, firstFrame: Int)
  /// The path names something other than a regular file: a folder, a named pipe, a device, a socket.
  case notRegularFile(path: String, kind: String)
  /// Following the path's symbolic links leads back to a link already followed.
  case symlinkLoop(path: String)
  /// The file exists but cannot be opened (permissions, a link to a missing file…).
  case cannotOpen(path: String, reason: String)
  /// The bytes are not an image in a format the tool reads.
  case notImage(path: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .fileNotFound(let path), .emptyFile(let path), .notAudio(let path, _), .notPNG(let path),
      .truncated(let path, _), .unsupported(let path, _), .noFrames(let path),
      .imageTooLarge(let path, _, _), .corrupt(let path, _), .writeFailed(let path, _), .readFailed(let path, _),
      .outOfRange(let path, _, _), .nonFiniteSamples(let path, _, _), .notRegularFile(let path, _),
      .symlinkLoop(let path), .cannotOpen(let path, _), .notImage(let path, _):
      path
    }
  }
}

extension MediaError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .fileNotFound(let path):
      "\(path): no such file. Check the path, or the table's root folder."
    case .emptyFile(let path):
      "\(path): the file is empty (0 bytes). Re-export or remove it."
    case .notAudio(let path, let reason):
      "\(path): not a readable audio file (\(reason)). Use WAV, FLAC, OGG/Vorbis, AIFF or MP3."
    case .notPNG(let path):
      "\(path): not a PNG image (the PNG signature is missing). Convert it to PNG first."
    case .truncated(let path, let detail):
      "\(path): truncated (\(detail)). The file was cut short; copy or export it again."
    case .unsupported(let path, let detail):
      "\(path): unsupported (\(detail))."
    case .noFrames(let path):
      "\(path): the audio has no frames. Remove it or record it again."
    case .imageTooLarge(let path, let width, let height):
      "\(path): \(width)×\(height) is larger than the limit of \(PNGFile.maximumDimension) pixels a side "
        + "and \(PNGFile.maximumPixelCount) pixels in all. Downscale it first."
    case .corrupt(let path, let detail):
      "\(path): damaged data (\(detail)). Export the file again."
    case .writeFailed(let path, let detail):
      "\(path): could not be written (\(detail)). Check free space and permissions of the folder."
    case .readFailed(let path, let detail):
      "\(path): could not be read (\(detail)). Check that it is a file you may read."
    case .outOfRange(let path, let limit, let value):
      "\(path): \(limit.rawValue) \(value) \(limit.unit) is outside the accepted "
        + "\(limit.allowed.lowerBound)…\(limit.allowed.upperBound) \(limit.unit). \(limit.advice)"
    case .nonFiniteSamples(let path, let count, let firstFrame):
      "\(path): \(count) samples are NaN or infinite, the first in frame \(firstFrame). "
        + "The file is damaged or was written by a faulty process; export it again or remove it."
    case .notRegularFile(let path, let kind):
      "\(path): \(kind), not a regular file. Point to the media file itself."
    case .symlinkLoop(let path):
      "\(path): symbolic link loop (following its links leads back to one already followed). "
        + "Fix or remove the links."
    case .cannotOpen(let path, let reason):
      "\(path): cannot be opened (\(reason)). Check the file's permissions, or the link's target."
    case .notImage(let path, let reason):
      "\(path): not a readable image (\(reason)). Use PNG or JPEG."
    }
  }

  public var errorDescription: String? { description }
}
