import AugmentCore
import Foundation
import MediaIO

/// Rejected candidates remade from their `rejected.jsonl` records with the replay machinery (the recorded
/// parameters, nothing drawn), written under `preview/rejected/` so the page can show what the checklist
/// turned down. The run never writes them and the dataset never holds them.
struct RejectedCandidates {
  let locator: MediaLocator
  /// The noise banks the run mixed from, for candidates whose transforms mix noise.
  let noiseBanks: URL?
  /// The impulse-response banks the run convolved with, for candidates whose transforms did.
  let impulseResponseBanks: URL?

  /// The candidate of each record that has transforms, by ``RunRecords/key(_:)``: written audio as WAV and
  /// images as PNG (lossless: the candidate was judged before any encoding), or with the reason it could
  /// not be remade. A record without transforms (an unreadable or unusable source) made no candidate.
  func remake(_ records: [RejectionRecord]) throws -> [String: PreviewMedia] {
    let folder = locator.runFolder.appendingPathComponent(MediaLocator.previewFolderName)
      .appendingPathComponent(MediaLocator.rejectedFolderName)
    var context: TransformContext?
    var made: [String: PreviewMedia] = [:]
    for record in records where !record.transforms.isEmpty {
      let source = locator.source(record.source)
      let name = "sample-\(record.index)-attempt-\(record.attempt).\(source.kind == .audio ? "wav" : "png")"
      var problem = source.problem
      if problem == nil, let url = source.url {
        try PreviewFiles.createFolder(folder)
        problem = try Self.write(record, from: url, kind: source.kind, to: folder.appendingPathComponent(name),
          noiseBanks: noiseBanks, impulseResponseBanks: impulseResponseBanks, context: &context)
      }
      made[RunRecords.key(record)] = locator.candidate(
        name, kind: source.kind, problem: problem.map { "the rejected candidate cannot be remade: \($0)" })
    }
    return made
  }

  /// `nil` when written, else why the candidate cannot be remade; failing to write it is an error.
  private static func write(
    _ record: RejectionRecord, from source: URL, kind: PreviewMedia.Kind, to destination: URL, noiseBanks: URL?,
    impulseResponseBanks: URL?, context: inout TransformContext?
  ) throws -> String? {
    let write: () throws -> Void
    do {
      switch kind {
      case .audio:
        let audio = try RecordedTransforms.audio(
          record.transforms, from: source, noiseBanks: noiseBanks, impulseResponseBanks: impulseResponseBanks,
          context: &context)
        write = { try AudioFile.write(audio, to: destination, as: .wavPCM16) }
      case .image:
        let image = try RecordedTransforms.image(record.transforms, from: source, context: &context).image
        write = { try PNGFile.write(image, to: destination) }
      }
    } catch {
      return "\(error)"
    }
    do {
      try write()
    } catch {
      throw PreviewError.cannotWrite(destination.path, reason: "\(error)")
    }
    return nil
  }
}
