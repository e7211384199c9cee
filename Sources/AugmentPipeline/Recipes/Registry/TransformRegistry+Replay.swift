import AugmentCore

extension TransformRegistry {
  /// Applies the parameters a manifest recorded for one transform, through the transform its name
  /// registers, without drawing anything.
  /// - Throws: ``ReplayError/unknownTransform(_:)`` for a name no transform registers;
  ///   ``ReplayError/wrongMedia(transform:media:)`` when the transform does not take `Media`;
  ///   ``ReplayError/unreadableParameters(transform:reason:)`` for parameters that are not the transform's;
  ///   what the transform throws.
  public static func replay<Media>(_ record: AppliedTransform, on media: Media, in context: TransformContext) throws -> Media {
    guard let descriptor = descriptor(named: record.name) else { throw ReplayError.unknownTransform(record.name) }
    return try replay(record, with: descriptor, on: media, in: context)
  }

  private static func replay<Descriptor: TransformDescriptor, Media>(
    _ record: AppliedTransform, with descriptor: Descriptor.Type, on media: Media, in context: TransformContext
  ) throws -> Media {
    guard let input = media as? Descriptor.Step.Input else {
      throw ReplayError.wrongMedia(transform: record.name, media: "\(Media.self)")
    }
    let parameters: Descriptor.Step.Parameters
    do {
      parameters = try record.decodeParameters(Descriptor.Step.Parameters.self)
    } catch {
      throw ReplayError.unreadableParameters(transform: record.name, reason: PreviewError.reason(error))
    }
    let step = try Descriptor.replayer(for: parameters, in: context)
    guard let output = try step.apply(parameters, to: input) as? Media else {
      throw ReplayError.wrongMedia(transform: record.name, media: "\(Media.self)")
    }
    return output
  }
}
