import AugmentCore
import Foundation
import MediaIO

/// `augment replay DIR --out DIR2`: every sample of a run remade from its manifest record and its source,
/// with the recorded parameters (nothing is drawn), written under the same name and format into another
/// folder and compared with the recorded size and SHA-256.
public struct RunReplay: Sendable {
  /// The run folder whose manifests are replayed.
  public var folder: URL
  /// Where the remade samples and their manifest go.
  public var output: URL
  /// The noise banks the run mixed from (`--noise-banks`).
  public var noiseBanks: URL?
  /// The impulse-response banks the run convolved with (`--rir-banks`).
  public var impulseResponseBanks: URL?
  /// The folder the table's media paths are relative to; `nil`: the `--media-root` run.json records, else the
  /// table's folder (or the dataset folder).
  public var mediaRoot: URL?
  public var allowOutsidePaths: Bool
  /// Replay only the sample of this id (`--id`), one manifest line; `nil`: every sample.
  public var sampleID: String?

  public init(
    folder: URL, output: URL, noiseBanks: URL?, impulseResponseBanks: URL? = nil, mediaRoot: URL? = nil, allowOutsidePaths: Bool = false,
    sampleID: String? = nil
  ) {
    self.sampleID = sampleID
    self.folder = folder
    self.output = output
    self.noiseBanks = noiseBanks
    self.impulseResponseBanks = impulseResponseBanks
    self.mediaRoot = mediaRoot
    self.allowOutsidePaths = allowOutsidePaths
  }

  /// What a replay found.
  public struct Result: Sendable, Equatable {
    /// Samples remade.
    public var replayed: Int
    /// Samples whose remade file differs from the record, or that could not be remade, each with why.
    public var problems: [String]

    public var passed: Bool { problems.isEmpty }
  }

  /// Remakes every sample; one that cannot be remade is reported and the others go on, except when the
  /// noise-bank or impulse-response folder is missing, which no sample that uses it could get past.
  /// - Throws: ``VerificationError/noFolder(_:)`` when the folder does not exist; ``ReplayError`` for a
  ///   folder without `run.json`, an `--out` that is the run folder or an unknown `--id`;
  ///   ``NoiseBankError/notAFolder(path:)`` or ``TransformContextError`` when the noise banks are missing;
  ///   ``RunError/cannotWrite(_:reason:)`` when the output folder or its manifest cannot be written; the
  ///   errors of reading the run's records.
  public func run() throws -> Result {
    guard folder.standardizedFileURL.resolvingSymlinksInPath() != output.standardizedFileURL.resolvingSymlinksInPath() else {
      throw ReplayError.outputIsRunFolder(output.path)
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw VerificationError.noFolder(folder.path)
    }
    let records = try RunRecords.load(from: folder)
    guard let identity = records.identities.first else { throw ReplayError.noRunFile(folder.path) }
    // A merged folder lists each sample in manifest.jsonl and in its shard's manifest: replay it once.
    var listed = Set<String>()
    let samples = records.accepted.filter { (sampleID == nil || $0.id == sampleID) && listed.insert($0.output).inserted }
    if let sampleID, samples.isEmpty { throw ReplayError.unknownSample(sampleID, folder: folder.path) }
    let recordedRoot = identity.sources?.mediaRoot.map { folder.appendingPathComponent($0).standardizedFileURL }
    let paths = DatasetPaths(root: mediaRoot ?? recordedRoot ?? datasetRoot(identity), allowOutside: allowOutsidePaths)
    do {
      try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    } catch {
      throw RunError.cannotWrite(output.path, reason: error.localizedDescription)
    }
    var context: TransformContext?
    var problems: [String] = []
    for record in samples {
      do {
        let source = try paths.resolved(record.source)
        try remake(record, from: source, pngLevel: identity.pngLevel ?? PNGLevel.unrecorded, context: &context)
        if let problem = record.outputProblem(in: output) { problems.append("\(problem)") }
      } catch NoiseBankError.notAFolder(let path) {
        throw NoiseBankError.notAFolder(path: path)
      } catch let error as TransformContextError {
        throw error
      } catch {
        problems.append("\(record.output): cannot be remade from \(record.source): \(error)")
      }
    }
    let manifest = output.appendingPathComponent("manifest.jsonl")
    do {
      try JSONLines.encode(samples).write(to: manifest, options: .atomic)
    } catch {
      throw RunError.cannotWrite(manifest.path, reason: error.localizedDescription)
    }
    return Result(replayed: samples.count - problems.count, problems: problems)
  }

  /// The table's folder (or the dataset folder itself), where a run resolved its sources.
  private func datasetRoot(_ identity: RunIdentity) -> URL {
    let dataset = folder.appendingPathComponent(identity.dataset).standardizedFileURL
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: dataset.path, isDirectory: &isFolder)
    return exists && isFolder.boolValue ? dataset : dataset.deletingLastPathComponent()
  }

  /// Reads the source, applies the recorded transforms in order, and writes the output as the run did
  /// (a PNG at the run's recorded `pngLevel`).
  private func remake(
    _ record: ManifestRecord, from source: URL, pngLevel: Int, context: inout TransformContext?
  ) throws {
    let destination = output.appendingPathComponent(record.output)
    switch destination.pathExtension.lowercased() {
    case "wav", "flac":
      let format: AudioWriteFormat = destination.pathExtension.lowercased() == "wav" ? .wavPCM16 : .flacPCM16
      let audio = try RecordedTransforms.audio(
        record.transforms, from: source, noiseBanks: noiseBanks, impulseResponseBanks: impulseResponseBanks,
        context: &context)
      try AudioFile.write(audio, to: destination, as: format)
    case "png", "jpg", "jpeg":
      let remade = try RecordedTransforms.image(record.transforms, from: source, context: &context)
      let format: ImageOutputFormat = destination.pathExtension.lowercased() == "png" ? .png : .jpeg
      try ImageFile.write(
        remade.image, to: destination, as: format.encoding(forSourceStoredAs: remade.sourceEncoding),
        pngLevel: pngLevel)
    default:
      throw ReplayError.unknownOutputFormat(record.output)
    }
  }
}
