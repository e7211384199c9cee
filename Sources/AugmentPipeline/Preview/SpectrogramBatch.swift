import Dispatch
import Foundation
import MediaIO
import Synchronization

/// Renders the spectrograms of many audio files to PNG on every core.
enum SpectrogramBatch {
  /// Writes the spectrogram of each of `media` into `runFolder`; returns the files that could not be read,
  /// with the reason. Failing to write a spectrogram is an error.
  static func render(_ media: [PreviewMedia], into runFolder: URL) throws -> [PreviewMedia: String] {
    let outcomes = Mutex([Result<String?, PreviewError>?](repeating: nil, count: media.count))
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
    var failures: [PreviewMedia: String] = [:]
    for (item, outcome) in zip(media, outcomes.withLock { $0 }) {
      if let reason = try outcome!.get() { failures[item] = reason }
    }
    return failures
  }

  /// `nil` when written, the reason when the audio cannot be read, or the error when the image cannot be written.
  private static func render(_ media: PreviewMedia, into runFolder: URL) -> Result<String?, PreviewError> {
    guard let url = media.url, let name = media.spectrogram else { return .success(nil) }
    let image: Image
    do {
      image = try Spectrogram.image(of: AudioFile.read(from: url).buffer)
    } catch {
      return .success("\(error)")
    }
    let destination = runFolder.appendingPathComponent(name)
    do {
      try PNGFile.write(image, to: destination)
      return .success(nil)
    } catch {
      return .failure(.cannotWrite(destination.path, reason: "\(error)"))
    }
  }
}
