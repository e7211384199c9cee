/// Why a run folder, or one of its samples, could not be replayed.
public enum ReplayError: Error, Equatable, CustomStringConvertible {
  /// The folder has no `run.json`, so the dataset its sources are relative to is unknown.
  case noRunFile(String)
  /// `--out` is the run folder itself: replaying must not write over the outputs it checks.
  case outputIsRunFolder(String)
  /// `--id` names no sample of the run's manifests.
  case unknownSample(String, folder: String)
  /// A manifest names a transform this version does not register.
  case unknownTransform(String)
  /// A record's parameters are not those of the transform it names.
  case unreadableParameters(transform: String, reason: String)
  /// A recorded transform does not take the sample's media (an audio transform on an image).
  case wrongMedia(transform: String, media: String)
  /// The output's extension is not one a run writes.
  case unknownOutputFormat(String)

  public var description: String {
    switch self {
    case .noRunFile(let path): "\(path) holds no run.json: it is not a run folder (or lost its record of the dataset)."
    case .outputIsRunFolder(let path): "\(path): --out must be another folder than the run being replayed."
    case .unknownSample(let id, let folder): "\(folder): no manifest line has the id “\(id)”."
    case .unknownTransform(let name):
      "unknown transform “\(name)”; known: \(TransformRegistry.names.joined(separator: ", ")). Replay it with the version that made it."
    case .unreadableParameters(let transform, let reason):
      "the parameters recorded for \(transform) are not \(transform)'s (\(reason)); was the manifest edited?"
    case .wrongMedia(let transform, let media): "\(transform) does not apply to \(media)."
    case .unknownOutputFormat(let name): "\(name): not a .wav, .flac, .png or .jpg output."
    }
  }
}
