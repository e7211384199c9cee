import Dispatch
import Foundation
import MediaIO
import Synchronization

/// Renders the spectrograms of many audio files to JPEG on every core.
enum SpectrogramBatch {
  /// What rendering found: each clip's length for the time axis, and the files that could not be read.
  struct Rendered {
    var seconds: [PreviewMedia: Double] = [:]
    var failures: [PreviewMedia: String] = [:]
  }

  /// JPEG quality of a spectrogram: at 85 the colour bands look as in a lossless image at a tenth of a PNG's
  /// size (a noisy clip's spectrogram is noise to a PNG compressor).
  static let quality = 85

  /// Writes the spectrogram of each of `media` into `runFolder`. Failing to write one is an error.
  static func render(_ media: [PreviewMedia], into runFolder: URL) throws -> Rendered {
    let outcomes = Mutex([Result<Result<Double, Unreadable>, PreviewError>?](repeating: nil, count: media.count))
    let next = Atomic<Int>(0)
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, media.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let slot = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard slot < media.count else { return }
        let outcome = render(media[slot], into: runFolder)
        outcomes.withLock { $0[slot] = outcome }
      }
    }
    var rendered = Rendered()
    for (item, outcome) in zip(media, outcomes.withLock { $0 }) {
      switch try outcome!.get() {
      case .success(let seconds): rendered.seconds[item] = seconds
      case .failure(let unreadable): rendered.failures[item] = unreadable.reason
      }
    }
    return rendered
  }

  /// Why an audio file could not be read.
  struct Unreadable: Error {
    var reason: String
  }

  /// The clip's length when written, why it cannot be read, or the error when the image cannot be written.
  private static func render(_ media: PreviewMedia, into runFolder: URL) -> Result<Result<Double, Unreadable>, PreviewError> {
    guard let url = media.url, let name = media.spectrogram else { return .success(.failure(Unreadable(reason: "no file"))) }
    let image: Image
    let seconds: Double
    do {
      let audio = try AudioFile.read(from: url).buffer
      seconds = audio.duration
      image = try Spectrogram.image(of: audio)
    } catch {
      return .success(.failure(Unreadable(reason: "\(error)")))
    }
    let destination = runFolder.appendingPathComponent(name)
    do {
      try JPEGFile.write(image, to: destination, quality: quality)
      return .success(.success(seconds))
    } catch {
      return .failure(.cannotWrite(destination.path, reason: "\(error)"))
    }
  }
}
